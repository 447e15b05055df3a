/**
 * Telephony: calls that carry sound. A SIP user agent places calls on the tenant's trunk (digest authentication, an
 * outbound proxy, a limit of concurrent calls); RTP media in G.711 runs on one 20 ms clock with a jitter buffer,
 * RFC 4733 keys and in-band tone detection, and RTCP reception figures; every call is recorded in two channels,
 * hashed in chunks while it runs, and stored in the evidence content store. The pure media (codecs, packets, SDP,
 * detectors, the jitter buffer) is in {@code telephony.media}.
 */
@NullMarked
@OwnsTables({"call", "call_recording_chunk", "speech_in"})
package io.candor.telephony;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
