/**
 * The numbers managers run the operation by: recovery curves by placement vintage, roll rates, contact, right-party,
 * promise and kept rates, the AI automation rate, complaints per 10,000 contacts, collector productivity and cost
 * per unit collected — filtered by creditor, portfolio, team and dates, drawn with ECharts and exported to Excel.
 */
@NullMarked
package io.candor.insight;

import org.jspecify.annotations.NullMarked;
