/** The compliance engine's REST API and Spring wiring; the engine itself is pure (io.candor.compliance). */
@NullMarked
package io.candor.compliance.web;

import org.jspecify.annotations.NullMarked;
