/** Pure media for calls: G.711, RTP and RFC 4733 packets, SDP offer/answer, the jitter buffer, key and tone detection,
 * reception statistics and WAV framing. No Spring, no SQL, no sockets. */
@NullMarked
package io.candor.telephony.media;

import org.jspecify.annotations.NullMarked;
