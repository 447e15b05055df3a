/** The signed-in home page: who you are, your organisation, and the portfolio at a glance. */
@NullMarked
package io.candor.console;

import org.jspecify.annotations.NullMarked;
