/**
 * Message providers' peers on loopback for tests and the demo: an SMSC speaking SMPP 3.4 and a mail sink speaking
 * SMTP. Real protocols, nothing relayed.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("sandbox")
package io.candor.channel.sandbox;

import org.jspecify.annotations.NullMarked;
