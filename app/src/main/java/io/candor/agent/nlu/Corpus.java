package io.candor.agent.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The labelled corpus: hand-written seed utterances per language ({@code nlu/seeds-*.tsv}), each expanded the same
 * way every time into variants a real debtor might type or say — with fillers, with typos, mixed with the other
 * language, and with words of anger, anxiety or distress (which set the variant's emotion). Every variant keeps
 * the number of its seed, so a held-out split can keep a seed's variants together.
 */
final class Corpus {

    /** One labelled utterance and the seed it came from. */
    public record Example(String language, Labels.Intent intent, Labels.Emotion emotion, String text, int seed) {

        Example with(String variant) {
            return new Example(language, intent, emotion, variant, seed);
        }

        Example with(String variant, Labels.Emotion e) {
            return new Example(language, intent, e, variant, seed);
        }
    }

    public static final List<String> LANGUAGES = List.of("zh-CN", "zh-TW", "en");

    private static final String[][] FILLERS = {
            {"那个，", "嗯，", "呃，", "哎，", "就是说，", "喂，"}, {"啊", "吧", "哦", "呢", "啦", "。"}};
    private static final String[][] FILLERS_TW = {
            {"那個，", "嗯，", "呃，", "欸，", "就是說，", "喂，"}, {"啊", "吧", "喔", "啦", "耶", "。"}};
    private static final String[][] FILLERS_EN = {
            {"um, ", "well, ", "look, ", "ok so ", "uh ", "listen, "}, {" ok", " alright", "...", " thanks", "!", " lol"}};
    private static final String[] MIX_ZH = {"OK，", "sorry，", "emmm ", "hello，", "好的 ok，"};
    private static final String[] MIX_EN = {"ok 好的, ", "sorry 不好意思, ", "嗯 ", "hello 你好, "};
    private static final String[][] ANGRY = {{"你们烦不烦！", "别再打了！", "有完没完！", "气死我了！"},
            {"你們煩不煩！", "不要再打了！", "有完沒完！", "氣死我了！"},
            {"for god's sake!", "this is ridiculous!!", "stop calling me!", "I'm sick of this!"}};
    private static final String[][] ANXIOUS = {{"我好着急", "怎么办啊", "我很担心", "求求你们了"},
            {"我好著急", "怎麼辦啊", "我很擔心", "拜託你們了"},
            {"I'm really worried", "what do I do", "please, I'm scared", "I'm so stressed about this"}};
    private static final String[][] DISTRESSED = {{"我真的快崩溃了", "活着好累", "我撑不下去了", "我每天都在哭"},
            {"我真的快崩潰了", "活著好累", "我撐不下去了", "我每天都在哭"},
            {"I can't take this anymore", "I'm falling apart", "I can't go on like this", "I cry every day"}};
    private static final String[][] TYPOS_ZH = {{"账", "帐"}, {"还", "换"}, {"在", "再"}, {"已", "以"}, {"的", "得"},
            {"钱", "前"}, {"号", "好"}};
    private static final String[][] TYPOS_TW = {{"帳", "賬"}, {"還", "換"}, {"在", "再"}, {"已", "以"}, {"的", "得"},
            {"錢", "前"}, {"號", "好"}};

    private Corpus() {
    }

    /** The seeds as written. */
    public static List<Example> seeds() {
        List<Example> seeds = new ArrayList<>();
        for (String language : LANGUAGES) {
            try (InputStream in = Corpus.class.getResourceAsStream("/nlu/seeds-" + language + ".tsv");
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    seeds.add(new Example(f[0], Labels.Intent.valueOf(f[1]), Labels.Emotion.valueOf(f[2]), f[3],
                            seeds.size()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    /** Every seed and its variants (about nine each), the same on every run. */
    public static List<Example> expanded() {
        List<Example> out = new ArrayList<>();
        for (Example s : seeds()) {
            Random r = new Random(31L * s.seed() + s.text().hashCode());
            int lang = s.language().equals("zh-CN") ? 0 : s.language().equals("zh-TW") ? 1 : 2;
            String[][] fillers = lang == 0 ? FILLERS : lang == 1 ? FILLERS_TW : FILLERS_EN;
            out.add(s);
            out.add(s.with(pick(fillers[0], r) + s.text()));
            out.add(s.with(s.text() + pick(fillers[1], r)));
            out.add(s.with(typo(s.text(), lang, r)));
            out.add(s.with(lang == 2 ? pick(MIX_EN, r) + s.text() : pick(MIX_ZH, r) + s.text()));
            if (s.intent() != Labels.Intent.IDENTITY_CONFIRM && s.intent() != Labels.Intent.OTHER) {
                out.add(s.with(join(s.text(), pick(ANGRY[lang], r), lang), Labels.Emotion.ANGRY));
                out.add(s.with(join(s.text(), pick(ANXIOUS[lang], r), lang), Labels.Emotion.ANXIOUS));
            }
            if (s.intent() == Labels.Intent.HARDSHIP || s.intent() == Labels.Intent.REQUEST_INSTALLMENT
                    || s.intent() == Labels.Intent.CALLBACK_LATER || s.intent() == Labels.Intent.PROMISE_TO_PAY) {
                out.add(s.with(join(pick(DISTRESSED[lang], r), s.text(), lang), Labels.Emotion.DISTRESSED));
            }
            out.add(s.with(lang == 2 ? s.text().toLowerCase(Locale.ROOT).replaceAll("[.,!?']", "")
                    : s.text().replaceAll("[，。！？,.!?]", " ")));
        }
        return out;
    }

    private static String join(String a, String b, int lang) {
        return lang == 2 ? a + ", " + b : a + "，" + b;
    }

    private static String pick(String[] options, Random r) {
        return options[r.nextInt(options.length)];
    }

    /** A plausible slip: a common wrong character in Chinese, two swapped or one dropped letter in English. */
    static String typo(String text, int lang, Random r) {
        if (lang < 2) {
            for (String[] t : lang == 0 ? TYPOS_ZH : TYPOS_TW) {
                if (text.contains(t[0]) && r.nextBoolean()) {
                    return text.replaceFirst(t[0], t[1]);
                }
            }
            int i = r.nextInt(text.length());
            return text.substring(0, i) + text.substring(Math.min(text.length(), i + 1)); // a character left out
        }
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            if (Character.isLetter(text.charAt(i)) && Character.isLetter(text.charAt(i + 1))) {
                letters.add(i);
            }
        }
        if (letters.isEmpty()) {
            return text;
        }
        int i = letters.get(r.nextInt(letters.size()));
        return r.nextBoolean()
                ? text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2)
                : text.substring(0, i) + text.substring(i + 1);
    }
}
