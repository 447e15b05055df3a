/**
 * The portfolio: creditors, placements, debtors, contact points and accounts. This first cut holds the
 * records and the read API; placement import, payments and aging build on it.
 */
@NullMarked
package io.candor.portfolio;

import org.jspecify.annotations.NullMarked;
