package io.candor.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.candor.compliance.Channel;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Letters rendered to PDF (A4, PDFBox, the CJK font embedded as a subset) and handed to the print vendor through
 * its pick-up directory: settings {@code outbox}. Each letter is written as {@code <id>.pdf} with a {@code <id>.json}
 * manifest, each file complete before it appears (written aside, then moved). The font is
 * {@code candor.letters.font}, by default Debian's WenQuanYi Micro Hei ({@code fonts-wqy-microhei}).
 */
@Component
class PdfLetters implements ChannelAdapter {

    static final float MARGIN = 64;
    static final float SIZE = 11;
    static final float LEADING = 17;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path font;
    private final Clock clock;

    PdfLetters(@Value("${candor.letters.font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String font,
            Clock clock) {
        this.font = Path.of(font);
        this.clock = clock;
    }

    /** Says at start, not at the first letter, when the font letters need is missing, and what to install. */
    @EventListener(ApplicationReadyEvent.class)
    void checkFont() {
        if (!Files.isReadable(font)) {
            LoggerFactory.getLogger(PdfLetters.class).warn("Letters cannot be rendered: no font at {}. "
                    + "Install Debian's fonts-wqy-microhei (apt-get install fonts-wqy-microhei), or set "
                    + "candor.letters.font to a TrueType font covering the letters' languages.", font);
        }
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public Delivery send(OutboundMessage m, Providers.Provider p) {
        if (!Files.isReadable(font)) {
            return new Delivery.Failed("No font for letters at " + font + ": install Debian's fonts-wqy-microhei or set "
                    + "candor.letters.font to a TrueType font that covers the letters' languages.");
        }
        try {
            byte[] pdf = render(m);
            Path outbox = Path.of(p.setting("outbox"));
            Files.createDirectories(outbox);
            write(outbox.resolve(m.id() + ".pdf"), pdf);
            write(outbox.resolve(m.id() + ".json"), JSON.writeValueAsBytes(Map.of("id", m.id().toString(),
                    "to", m.to(), "locale", m.locale(), "pages", pages(pdf), "file", m.id() + ".pdf")));
            return new Delivery.Accepted(m.id() + ".pdf", List.of(pdf));
        } catch (IOException e) {
            return new Delivery.Failed("The letter could not be made or handed over: " + e.getMessage());
        }
    }

    /** The letter: the sender, the date, the address block, the subject and the text, wrapped to the page. */
    byte[] render(OutboundMessage m) throws IOException {
        try (PDDocument doc = new PDDocument(); TrueTypeCollection collection = new TrueTypeCollection(font.toFile())) {
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            collection.processAllFonts(ttf -> first.compareAndSet(null, ttf));
            PDFont face = PDType0Font.load(doc, first.get(), true);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            lines.add(LocalDate.now(clock).toString());
            lines.add("");
            lines.addAll(List.of(m.to().split("\\R")));
            lines.add("");
            if (m.subject() != null) {
                lines.add(m.subject());
                lines.add("");
            }
            for (String paragraph : m.body().split("\\R")) {
                lines.addAll(wrap(paragraph, face, width));
            }
            PDPageContentStream out = null;
            float y = 0;
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
            for (int i = 0; i < lines.size(); i++) {
                if (i % perPage == 0) {
                    if (out != null) {
                        out.endText();
                        out.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    out = new PDPageContentStream(doc, page);
                    out.beginText();
                    out.setFont(face, SIZE);
                    y = PDRectangle.A4.getHeight() - MARGIN;
                    out.newLineAtOffset(MARGIN, y);
                }
                Objects.requireNonNull(out).showText(lines.get(i));
                out.newLineAtOffset(0, -LEADING);
            }
            if (out != null) {
                out.endText();
                out.close();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** Greedy wrapping: Chinese may break between any two characters, other text at spaces. */
    static List<String> wrap(String text, PDFont face, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lastSpace = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            line.appendCodePoint(cp);
            if (cp == ' ') {
                lastSpace = line.length() - 1;
            }
            if (face.getStringWidth(line.toString()) / 1000 * SIZE > width) {
                if (lastSpace > 0 && cp < 0x2E80) {
                    lines.add(line.substring(0, lastSpace));
                    line.delete(0, lastSpace + 1);
                } else {
                    line.setLength(line.length() - Character.charCount(cp));
                    lines.add(line.toString());
                    line.setLength(0);
                    line.appendCodePoint(cp);
                }
                lastSpace = -1;
            }
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".", ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
