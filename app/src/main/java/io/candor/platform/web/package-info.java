/** API conventions shared by every module: problem details, cursor pages, idempotency, request limits. */
@NullMarked
package io.candor.platform.web;

import org.jspecify.annotations.NullMarked;
