package io.candor.agent.speech;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Chinese text as numbered pinyin, the way espeak-ng's {@code cmn-latn-pinyin} voice reads it right (its
 * Chinese-character voice misreads many). Unicode's Han-Latin readings give each character its commonest sound; a
 * table of words fixes the polyphones a collection call says ({@code 银行} yin2 hang2, {@code 还款} huan2 kuan3 …), a
 * surname table reads names as names ({@code 单} shan4, {@code 曾} zeng1, {@code 解} xie4, {@code 仇} qiu2 …), amounts
 * and dates are read as a person says them, and {@code 一} and {@code 不} change tone before a fourth tone.
 * Traditional characters are read through their simplified forms.
 */
public final class Pinyin {

    private static final Transliterator SIMPLIFIED = Transliterator.getInstance("Hant-Hans");
    private static final Transliterator HAN_LATIN = Transliterator.getInstance("Han-Latin");

    /** Words whose characters are read otherwise than alone; the longest match wins. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("银行", "yin2 hang2"), Map.entry("行业", "hang2 ye4"), Map.entry("还款", "huan2 kuan3"),
            Map.entry("应还", "ying1 huan2"), Map.entry("归还", "gui1 huan2"), Map.entry("偿还", "chang2 huan2"),
            Map.entry("还清", "huan2 qing1"), Map.entry("还钱", "huan2 qian2"), Map.entry("还是", "hai2 shi4"),
            Map.entry("还有", "hai2 you3"), Map.entry("还没", "hai2 mei2"), Map.entry("还在", "hai2 zai4"),
            Map.entry("还要", "hai2 yao4"), Map.entry("还会", "hai2 hui4"), Map.entry("还可以", "hai2 ke3 yi3"),
            Map.entry("重新", "chong2 xin1"), Map.entry("重复", "chong2 fu4"), Map.entry("长期", "chang2 qi1"),
            Map.entry("了解", "liao3 jie3"), Map.entry("调整", "tiao2 zheng3"), Map.entry("为您", "wei4 nin2"),
            Map.entry("因为", "yin1 wei4"), Map.entry("将被", "jiang1 bei4"), Map.entry("号码", "hao4 ma3"),
            Map.entry("井号", "jing3 hao4"), Map.entry("星号", "xing1 hao4"), Map.entry("按键", "an4 jian4"),
            Map.entry("的", "de"), Map.entry("了", "le"), Map.entry("吗", "ma"), Map.entry("呢", "ne"),
            Map.entry("么", "me"), Map.entry("得", "de"), Map.entry("还", "huan2"), Map.entry("期", "qi1"),
            Map.entry("数额", "shu4 e2"), Map.entry("便", "bian4"), Map.entry("方便", "fang1 bian4"),
            Map.entry("好的", "hao3 de"), Map.entry("分期", "fen1 qi1"), Map.entry("差", "cha4"),
            Map.entry("处理", "chu3 li3"), Map.entry("一下", "yi2 xia4"));

    /** Compound surnames, read before the single ones. */
    private static final Map<String, String> COMPOUND_SURNAMES = Map.ofEntries(
            Map.entry("万俟", "mo4 qi2"), Map.entry("尉迟", "yu4 chi2"), Map.entry("单于", "chan2 yu2"),
            Map.entry("长孙", "zhang3 sun1"), Map.entry("令狐", "ling2 hu2"), Map.entry("澹台", "tan2 tai2"),
            Map.entry("欧阳", "ou1 yang2"), Map.entry("司马", "si1 ma3"), Map.entry("诸葛", "zhu1 ge3"),
            Map.entry("上官", "shang4 guan1"), Map.entry("皇甫", "huang2 fu3"), Map.entry("东方", "dong1 fang1"),
            Map.entry("宇文", "yu3 wen2"), Map.entry("慕容", "mu4 rong2"), Map.entry("夏侯", "xia4 hou2"));

    /** Surnames whose reading as a name differs from the character's commonest one. */
    private static final Map<String, String> SURNAMES = Map.ofEntries(
            Map.entry("单", "shan4"), Map.entry("曾", "zeng1"), Map.entry("解", "xie4"), Map.entry("仇", "qiu2"),
            Map.entry("区", "ou1"), Map.entry("朴", "piao2"), Map.entry("查", "zha1"), Map.entry("盖", "ge3"),
            Map.entry("乐", "yue4"), Map.entry("翟", "zhai2"), Map.entry("覃", "qin2"), Map.entry("缪", "miao4"),
            Map.entry("种", "chong2"), Map.entry("召", "shao4"), Map.entry("华", "hua4"), Map.entry("任", "ren2"),
            Map.entry("纪", "ji3"), Map.entry("燕", "yan1"), Map.entry("宁", "ning4"), Map.entry("尉", "yu4"),
            Map.entry("员", "yun4"), Map.entry("过", "guo1"), Map.entry("秘", "bi4"), Map.entry("繁", "po2"),
            Map.entry("句", "gou1"), Map.entry("折", "she2"), Map.entry("隗", "wei3"), Map.entry("那", "na1"),
            Map.entry("卜", "bu3"), Map.entry("薄", "bo2"), Map.entry("柏", "bai3"), Map.entry("阚", "kan4"),
            Map.entry("沈", "shen3"), Map.entry("曲", "qu1"), Map.entry("重", "chong2"), Map.entry("长", "chang2"),
            Map.entry("相", "xiang4"), Map.entry("藏", "zang4"), Map.entry("殷", "yin1"), Map.entry("祭", "zhai4"),
            Map.entry("黑", "he4"), Map.entry("能", "nai4"), Map.entry("便", "pian2"), Map.entry("冯", "feng2"),
            Map.entry("石", "shi2"), Map.entry("车", "che1"), Map.entry("汤", "tang1"), Map.entry("郇", "huan2"));

    private static final Pattern MONEY = Pattern.compile("(\\d+)(?:\\.(\\d{1,2}))?\\s*(?:CNY|RMB|TWD|HKD|元)");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final String DIGITS = "零一二三四五六七八九";
    private static final Map<Character, String> PUNCTUATION = Map.of('，', ", ", '、', ", ", '。', ". ", '？', "? ",
            '！', "! ", '：', ", ", '；', ", ", '（', ", ", '）', ", ");

    private Pinyin() {
    }

    /** The text read as numbered pinyin (neutral tones without a number). */
    public static String of(String text) {
        return of(text, List.of());
    }

    /** The text read as numbered pinyin, each of {@code names} where it occurs read as a person's name. */
    public static String of(String text, Collection<String> names) {
        String s = SIMPLIFIED.transliterate(numbersInWords(text));
        List<String> simpleNames = names.stream().filter(n -> !n.isBlank()).map(SIMPLIFIED::transliterate).toList();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int name = nameAt(s, i, simpleNames);
            if (name > 0) {
                out.addAll(List.of(name(s.substring(i, i + name)).split(" ")));
                i += name;
                continue;
            }
            int word = wordAt(s, i);
            if (word > 0) {
                out.addAll(List.of(WORDS.getOrDefault(s.substring(i, i + word), "").split(" ")));
                i += word;
                continue;
            }
            char c = s.charAt(i);
            if (PUNCTUATION.containsKey(c)) {
                out.add(PUNCTUATION.getOrDefault(c, "").strip());
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                out.add(numbered(HAN_LATIN.transliterate(String.valueOf(c))));
            } else if (!Character.isWhitespace(c)) {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && !PUNCTUATION.containsKey(s.charAt(end))
                        && Character.UnicodeScript.of(s.charAt(end)) != Character.UnicodeScript.HAN) {
                    end++;
                }
                out.add(s.substring(i, end));
                i = end;
                continue;
            }
            i++;
        }
        return join(sandhi(out));
    }

    /** A name read as a name: its surname (compound or single) from the surname tables, the rest as usual. */
    public static String name(String name) {
        String s = SIMPLIFIED.transliterate(name.strip());
        StringBuilder b = new StringBuilder();
        int rest = 0;
        if (s.length() > 2 && COMPOUND_SURNAMES.containsKey(s.substring(0, 2))) {
            b.append(COMPOUND_SURNAMES.get(s.substring(0, 2)));
            rest = 2;
        } else if (!s.isEmpty() && SURNAMES.containsKey(s.substring(0, 1))) {
            b.append(SURNAMES.get(s.substring(0, 1)));
            rest = 1;
        }
        for (int i = rest; i < s.length(); i++) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(numbered(HAN_LATIN.transliterate(String.valueOf(s.charAt(i)))));
        }
        return b.toString();
    }

    private static int nameAt(String s, int i, List<String> names) {
        for (String n : names) {
            if (s.startsWith(n, i)) {
                return n.length();
            }
        }
        return 0;
    }

    private static int wordAt(String s, int i) {
        for (int len = Math.min(3, s.length() - i); len >= 1; len--) {
            if (WORDS.containsKey(s.substring(i, i + len))) {
                return len;
            }
        }
        return 0;
    }

    /** One syllable with a tone mark as numbered pinyin: {@code dān} → {@code dan1}; neutral tone unnumbered. */
    static String numbered(String marked) {
        String d = Normalizer.normalize(marked.strip(), Normalizer.Form.NFD);
        int tone = 0;
        StringBuilder b = new StringBuilder();
        for (char c : d.toCharArray()) {
            switch (c) {
                case '\u0304' -> tone = 1;
                case '\u0301' -> tone = 2;
                case '\u030C' -> tone = 3;
                case '\u0300' -> tone = 4;
                case '\u0308' -> b.append('v'); // ü is written v in numbered pinyin
                default -> b.append(c);
            }
        }
        String plain = b.toString().replace("uv", "v");
        return tone == 0 ? plain : plain + tone;
    }

    /** 一 and 不 before a fourth tone are said in the second; 一 before the others in the fourth, unless counting. */
    private static List<String> sandhi(List<String> syllables) {
        List<String> out = new ArrayList<>(syllables);
        for (int i = 0; i + 1 < out.size(); i++) {
            String next = out.get(i + 1);
            boolean fourth = next.endsWith("4");
            if (out.get(i).equals("bu4") && fourth) {
                out.set(i, "bu2");
            } else if (out.get(i).equals("yi1") && !counting(out, i) && Character.isDigit(next.charAt(next.length() - 1))) {
                out.set(i, fourth ? "yi2" : "yi4");
            }
        }
        return out;
    }

    /** Whether a 一 is part of a number or an ordinal (第一, 十一, 一十), which keeps its own tone. */
    private static boolean counting(List<String> s, int i) {
        java.util.Set<String> numerals = java.util.Set.of("ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1",
                "ba1", "jiu3", "shi2", "bai3", "qian1", "wan4", "di4", "yue4", "hao4", "ri4", "nian2", "yuan2", "dian3");
        return i > 0 && numerals.contains(s.get(i - 1)) || numerals.contains(s.get(i + 1));
    }

    private static String join(List<String> parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!b.isEmpty() && !p.matches("[,.?!]")) {
                b.append(' ');
            }
            b.append(p);
        }
        return b.toString();
    }

    /** Amounts, dates and other numbers written out as they are said, in characters. */
    static String numbersInWords(String text) {
        StringBuilder b = new StringBuilder();
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(money(m.group(1), m.group(2))));
        }
        m.appendTail(b);
        String s = b.toString();
        b = new StringBuilder();
        m = DATE.matcher(s);
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(digitByDigit(m.group(1)) + "年" + count(Integer.parseInt(
                    m.group(2))) + "月" + count(Integer.parseInt(m.group(3))) + "日"));
        }
        m.appendTail(b);
        s = b.toString();
        b = new StringBuilder();
        m = NUMBER.matcher(s);
        while (m.find()) {
            String n = m.group();
            m.appendReplacement(b, Matcher.quoteReplacement(n.length() <= 8 && n.charAt(0) != '0' && n.length() > 1
                    ? count(Long.parseLong(n)) : digitByDigit(n)));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String money(String whole, @org.jspecify.annotations.Nullable String fraction) {
        String yuan = count(new BigDecimal(whole).longValueExact()) + "元";
        if (fraction == null || Integer.parseInt(fraction) == 0) {
            return yuan;
        }
        String f = (fraction + "0").substring(0, 2);
        int jiao = f.charAt(0) - '0';
        int fen = f.charAt(1) - '0';
        return yuan + (jiao > 0 ? DIGITS.charAt(jiao) + "角" : fen > 0 ? "零" : "") + (fen > 0 ? DIGITS.charAt(fen) + "分" : "");
    }

    private static String digitByDigit(String digits) {
        StringBuilder b = new StringBuilder();
        for (char c : digits.toCharArray()) {
            b.append(DIGITS.charAt(c - '0'));
        }
        return b.toString();
    }

    /** A count as said: 12 十二, 205 二百零五, 10,000 一万, 30,500 三万零五百. */
    static String count(long n) {
        if (n == 0) {
            return "零";
        }
        if (n >= 100_000_000) {
            return count(n / 100_000_000) + "亿" + below(n % 100_000_000, 10_000_000);
        }
        if (n >= 10_000) {
            return count(n / 10_000) + "万" + below(n % 10_000, 1_000);
        }
        String[] units = {"", "十", "百", "千"};
        StringBuilder b = new StringBuilder();
        boolean zero = false;
        for (int p = 3; p >= 0; p--) {
            int d = (int) (n / (long) Math.pow(10, p) % 10);
            if (d == 0) {
                zero = !b.isEmpty();
                continue;
            }
            if (zero) {
                b.append('零');
                zero = false;
            }
            if (!(d == 1 && p == 1 && b.isEmpty())) {
                b.append(DIGITS.charAt(d));
            }
            b.append(units[p]);
        }
        return b.toString();
    }

    private static String below(long rest, long leading) {
        if (rest == 0) {
            return "";
        }
        return (rest < leading ? "零" : "") + count(rest);
    }
}
