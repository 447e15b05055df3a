/**
 * The platform operator's work: creating organisations (a tenant and its first administrator, all or nothing),
 * listing them with their figures, limits and suspension. The operator signs in at the reserved organisation
 * {@code platform} and never sees an organisation's debtor data: it reads counts in each tenant's context, and
 * row-level security holds as for everyone.
 */
@NullMarked
package io.candor.operator;

import org.jspecify.annotations.NullMarked;
