/**
 * The compliance engine: jurisdiction rule packs as data, and the evaluation every outbound contact passes.
 * Pure Java (no Spring, no SQL): the same evaluation serves the what-if CLI, the REST API and the contact gate.
 */
@NullMarked
package io.candor.compliance;

import org.jspecify.annotations.NullMarked;
