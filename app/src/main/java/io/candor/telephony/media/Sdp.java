package io.candor.telephony.media;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * SDP offer/answer for one audio stream (RFC 3264, RFC 4566): Candor offers PCMA and PCMU (in the tenant's order)
 * and telephone-events; the answer names the far end's media address and the codec chosen — the first of the
 * answer's formats that Candor offered — and the telephone-event payload type, if the far end takes events.
 */
public final class Sdp {

    private Sdp() {
    }

    /** The offer for audio at {@code host}:{@code port}, the codecs in order of preference. */
    public static String offer(String host, int port, long session, List<G711> codecs, int eventType) {
        StringBuilder formats = new StringBuilder();
        StringBuilder maps = new StringBuilder();
        for (G711 c : codecs) {
            formats.append(' ').append(c.payloadType());
            maps.append("a=rtpmap:").append(c.payloadType()).append(' ').append(c.encodingName()).append("/8000\r\n");
        }
        formats.append(' ').append(eventType);
        maps.append("a=rtpmap:").append(eventType).append(" telephone-event/8000\r\n");
        maps.append("a=fmtp:").append(eventType).append(" 0-15\r\n");
        String ip = host.contains(":") ? "IP6" : "IP4";
        return "v=0\r\n"
                + "o=candor " + session + " " + session + " IN " + ip + " " + host + "\r\n"
                + "s=Candor\r\n"
                + "c=IN " + ip + " " + host + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port + " RTP/AVP" + formats + "\r\n"
                + maps
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n";
    }

    /** What the far end answered: where to send, which codec, the telephone-event type (or -1). */
    public record Answer(InetSocketAddress media, G711 codec, int eventType) {
    }

    /** Why an answer cannot be used. */
    public static final class Unusable extends RuntimeException {
        public Unusable(String message) {
            super(message);
        }
    }

    /** Reads the answer to an offer of {@code offered}; refuses one with no audio or no codec in common. */
    public static Answer answer(String sdp, List<G711> offered) {
        @Nullable String session = null;
        @Nullable String media = null;
        int port = -1;
        List<Integer> formats = new ArrayList<>();
        Map<Integer, String> rtpmap = new LinkedHashMap<>();
        boolean inAudio = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            String value = line.substring(2);
            switch (line.charAt(0)) {
                case 'c' -> {
                    String[] f = value.split(" ");
                    if (f.length >= 3) {
                        String address = f[2].split("/")[0];
                        if (inAudio) {
                            media = address;
                        } else if (port < 0) {
                            session = address;
                        }
                    }
                }
                case 'm' -> {
                    String[] f = value.split(" ");
                    inAudio = f[0].equals("audio") && port < 0;
                    if (inAudio && f.length >= 4) {
                        port = Integer.parseInt(f[1]);
                        for (int i = 3; i < f.length; i++) {
                            formats.add(Integer.parseInt(f[i]));
                        }
                    }
                }
                case 'a' -> {
                    if (inAudio && value.startsWith("rtpmap:")) {
                        String[] f = value.substring(7).split(" ", 2);
                        if (f.length == 2) {
                            rtpmap.put(Integer.parseInt(f[0]), f[1].strip().toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
                default -> {
                }
            }
        }
        String address = media != null ? media : session;
        if (port <= 0 || address == null) {
            throw new Unusable("the answer has no audio stream (or rejected it with port 0)");
        }
        Optional<G711> codec = formats.stream()
                .map(pt -> codecOf(pt, rtpmap.get(pt)))
                .flatMap(Optional::stream)
                .filter(offered::contains)
                .findFirst();
        if (codec.isEmpty()) {
            throw new Unusable("the far end takes none of the codecs offered (" + offered + "), only " + formats);
        }
        int events = formats.stream().filter(pt -> rtpmap.getOrDefault(pt, "").startsWith("telephone-event/"))
                .findFirst().orElse(-1);
        return new Answer(new InetSocketAddress(address, port), codec.get(), events);
    }

    private static Optional<G711> codecOf(int pt, @Nullable String map) {
        if (map != null) {
            String name = map.split("/")[0];
            for (G711 c : G711.values()) {
                if (c.encodingName().equalsIgnoreCase(name)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
        return G711.ofPayloadType(pt);
    }
}
