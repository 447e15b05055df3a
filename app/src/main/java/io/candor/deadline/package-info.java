/**
 * Deadlines: the working-day calendars of each jurisdiction (public holidays, and the weekend days China makes
 * working days) and the deadline rules — complaints' summary resolution, response and final response — as data with
 * their sources, computed by one pure engine ({@link io.candor.deadline.DeadlineEngine}) that the what-if CLI, the
 * REST API and the complaint cases share. No Spring, no SQL; the API is in {@code deadline.web}.
 */
@NullMarked
package io.candor.deadline;

import org.jspecify.annotations.NullMarked;
