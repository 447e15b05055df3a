/**
 * The contact gate on the database: the one decision point every outbound contact passes, with holds,
 * recorded decisions and atomic reservation of capped slots. Channels call {@link io.candor.compliance.gate.ContactGate}.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("gate")
package io.candor.compliance.gate;

import org.jspecify.annotations.NullMarked;
