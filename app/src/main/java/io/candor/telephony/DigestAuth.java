package io.candor.telephony;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SIP digest authentication (RFC 3261 §22 with RFC 2617): the credentials that answer a trunk's challenge, MD5, with
 * {@code qop=auth} when the challenge offers it. The secret is used here and nowhere else; it is never logged.
 */
final class DigestAuth {

    private static final Pattern PARAM = Pattern.compile("([a-zA-Z]+)\\s*=\\s*(\"([^\"]*)\"|([^,\\s]+))");

    private DigestAuth() {
    }

    /** The value of an Authorization header answering {@code challenge} (a WWW-/Proxy-Authenticate value). */
    static String answer(String challenge, String method, String uri, String user, String secret, String cnonce) {
        if (!challenge.regionMatches(true, 0, "Digest", 0, 6)) {
            throw new IllegalArgumentException("the trunk asked for " + challenge.split(" ")[0]
                    + " authentication; Candor answers Digest only");
        }
        Map<String, String> p = params(challenge.substring(6));
        String algorithm = p.getOrDefault("algorithm", "MD5");
        if (!algorithm.equalsIgnoreCase("MD5")) {
            throw new IllegalArgumentException("the trunk asked for digest algorithm " + algorithm + "; Candor answers MD5");
        }
        String realm = p.getOrDefault("realm", "");
        String nonce = p.getOrDefault("nonce", "");
        String ha1 = md5(user + ":" + realm + ":" + secret);
        String ha2 = md5(method + ":" + uri);
        boolean qopAuth = p.containsKey("qop") && java.util.Arrays.stream(p.get("qop").split(","))
                .anyMatch(q -> q.strip().equals("auth"));
        StringBuilder h = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append('"');
        if (qopAuth) {
            String nc = "00000001";
            h.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2))
                    .append("\", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        } else {
            h.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (p.containsKey("opaque")) {
            h.append(", opaque=\"").append(p.get("opaque")).append('"');
        }
        return h.append(", algorithm=MD5").toString();
    }

    static Map<String, String> params(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(s);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(4));
        }
        return out;
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
