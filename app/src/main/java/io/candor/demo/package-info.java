/**
 * The demo: with {@code --demo}, two tenants (a lender and an agency), one user per role in each, and a
 * realistic multi-country portfolio, seeded once and all-or-nothing per tenant.
 */
@NullMarked
package io.candor.demo;

import org.jspecify.annotations.NullMarked;
