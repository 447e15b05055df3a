package io.candor.agent.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Speech on this machine: {@code espeak-ng} speaks (English, Mandarin through numbered pinyin, Cantonese, and the
 * debtor portal's Spanish, Brazilian Portuguese, Indonesian, Thai and Vietnamese), {@code pocketsphinx} recognises
 * English against a grammar of what debtors say to the agent — the English corpus seeds, "the last four are" and four
 * digits, yes/no words — which is how a small local recogniser stays accurate. Digits heard as words are turned into
 * numbers. Paths: {@code candor.speech.espeak}, {@code candor.speech.pocketsphinx},
 * {@code candor.speech.pocketsphinx-model} (Debian's {@code espeak-ng}, {@code pocketsphinx}, {@code pocketsphinx-en-us}).
 */
@Component
class LocalSpeech implements Speech {

    /** Voices by locale; {@code zh-Latn-pinyin} is Mandarin written in numbered pinyin, which this voice reads right. */
    private static final Map<String, String> VOICES = Map.of("en", "en-us", "zh-Latn-pinyin", "cmn-latn-pinyin",
            "yue", "yue", "es", "es-419", "pt-BR", "pt-br", "id", "id", "th", "th", "vi", "vi");
    private static final Map<String, String> DIGITS = Map.of("zero", "0", "oh", "0", "one", "1", "two", "2", "three", "3",
            "four", "4", "five", "5", "six", "6", "seven", "7", "eight", "8");
    private static final List<String> DIGIT_WORDS = List.of("zero", "oh", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine");

    private final Path espeak;
    private final Path pocketsphinx;
    private final Path model;
    private volatile @Nullable Path grammar;

    LocalSpeech(@Value("${candor.speech.espeak:/usr/bin/espeak-ng}") String espeak,
            @Value("${candor.speech.pocketsphinx:/usr/bin/pocketsphinx_continuous}") String pocketsphinx,
            @Value("${candor.speech.pocketsphinx-model:/usr/share/pocketsphinx/model/en-us}") String model) {
        this.espeak = Path.of(espeak);
        this.pocketsphinx = Path.of(pocketsphinx);
        this.model = Path.of(model);
    }

    @Override
    public byte[] synthesize(String text, String locale) {
        if (!Files.isExecutable(espeak)) {
            throw new Unavailable("No speech synthesis: install Debian's espeak-ng or set candor.speech.espeak.");
        }
        try {
            Path wav = Files.createTempFile("candor-tts", ".wav");
            try {
                // Mandarin in characters is read through numbered pinyin: the characters' own voice misreads them
                boolean mandarin = locale.equals("zh-CN") || locale.equals("zh-TW");
                run(List.of(espeak.toString(), "-v", mandarin ? "cmn-latn-pinyin" : VOICES.getOrDefault(locale, "en-us"),
                        "-s", "150", "-w", wav.toString(), mandarin ? Pinyin.of(text) : text));
                return Files.readAllBytes(wav);
            } finally {
                Files.deleteIfExists(wav);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String recognize(byte[] wav, String locale) {
        if (!locale.equals("en")) {
            throw new Unavailable("Local recognition is English only; Chinese needs a cloud recogniser adapter "
                    + "(docs/agent.md).");
        }
        if (!Files.isExecutable(pocketsphinx) || !Files.isDirectory(model)) {
            throw new Unavailable("No speech recognition: install Debian's pocketsphinx and pocketsphinx-en-us, or set "
                    + "candor.speech.pocketsphinx and candor.speech.pocketsphinx-model.");
        }
        try {
            Path audio = Files.createTempFile("candor-asr", ".wav");
            try {
                Files.write(audio, wav);
                // wide beams: speech off a phone line (8 kHz, widened for the model) otherwise often ends outside the
                // grammar and is not heard at all
                int rate = wav.length > 28 ? (wav[24] & 0xFF) | (wav[25] & 0xFF) << 8 | (wav[26] & 0xFF) << 16 : 16000;
                String heard = run(List.of(pocketsphinx.toString(), "-infile", audio.toString(), "-jsgf",
                        grammar().toString(), "-dict", model.resolve("cmudict-en-us.dict").toString(),
                        "-hmm", model.resolve("en-us").toString(), "-samprate", Integer.toString(rate), "-nfft",
                        rate > 16000 ? "1024" : "512", "-beam", "1e-80", "-wbeam", "1e-60", "-pbeam", "1e-80",
                        "-logfn", "/dev/null"));
                return digits(heard.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip());
            } finally {
                Files.deleteIfExists(audio);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "the last four are four eight two one" → "the last four are 4821". */
    static String digits(String heard) {
        StringBuilder out = new StringBuilder();
        StringBuilder run = new StringBuilder();
        for (String w : heard.split(" ")) {
            String d = w.equals("nine") ? "9" : DIGITS.get(w);
            boolean inRun = d != null && !(w.equals("four") && run.isEmpty() && out.toString().endsWith("last "));
            if (inRun) {
                run.append(d);
                continue;
            }
            if (!run.isEmpty()) {
                out.append(run).append(' ');
                run.setLength(0);
            }
            out.append(w).append(' ');
        }
        out.append(run);
        return out.toString().strip();
    }

    /** The grammar: every English seed whose words the dictionary knows, and ID digits. */
    private Path grammar() throws IOException {
        Path g = grammar;
        if (g != null) {
            return g;
        }
        Set<String> known = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(model.resolve("cmudict-en-us.dict"),
                StandardCharsets.UTF_8)) {
            r.lines().forEach(l -> known.add(l.split("[ (]")[0]));
        }
        Set<String> phrases = new LinkedHashSet<>();
        try (InputStream in = LocalSpeech.class.getResourceAsStream("/nlu/seeds-en.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t")[3]).forEach(text -> {
                String p = text.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z ]", " ").replaceAll(" +", " ")
                        .strip();
                List<String> words = List.of(p.split(" "));
                if (!p.isEmpty() && words.stream().allMatch(known::contains)) {
                    phrases.add(p);
                }
            });
        }
        List<String> rules = new ArrayList<>(phrases);
        rules.add("[the] last four [digits] [are] <digit> <digit> <digit> <digit>");
        rules.addAll(List.of("yes", "no", "ok", "hello", "agree", "i agree"));
        String jsgf = "#JSGF V1.0;\ngrammar turns;\n<digit> = " + String.join(" | ", DIGIT_WORDS) + ";\n"
                + "public <turn> = " + String.join(" | ", rules) + ";\n";
        Path file = Files.createTempFile("candor-turns", ".jsgf");
        Files.writeString(file, jsgf);
        file.toFile().deleteOnExit();
        grammar = file;
        return file;
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.getFirst() + " took longer than 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(command.getFirst() + " failed with exit code " + p.exitValue());
        }
        return out;
    }
}
