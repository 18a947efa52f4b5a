package org.safesessions.safeguarding.rest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.safesessions.safeguarding.application.ConcernBundles;
import org.safesessions.safeguarding.domain.ChronologyBody;
import org.safesessions.safeguarding.domain.LawfulBasis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The court and council bundle as a PDF (A4, the standard Helvetica and Courier fonts): the summary, the chain's
 * verification, the digest, then every entry in order with its time, author, kind, opened text and hash, each
 * correction beside the entry it corrects; long texts wrap and run onto new pages; every page's footer carries the
 * bundle's digest and "page x of y". The standard fonts show only WinAnsi characters: any other (ŵ, ŷ, emoji) is
 * written visibly as {@code [U+0175]}, and a note says so; the JSON bundle keeps the exact text.
 */
final class BundlePdf {

    static final String MEDIA_TYPE = "application/pdf";

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float FOOTER = 40;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float INDENT = 14;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final PDDocument doc = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private final Map<PDFont, Map<Integer, Boolean>> shows = new HashMap<>();
    private PDPageContentStream page;
    private float y;
    private boolean replaced;

    private BundlePdf() {
    }

    static byte[] render(ConcernBundles.Bundle bundle) {
        BundlePdf pdf = new BundlePdf();
        try (pdf.doc) {
            pdf.write(bundle);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("bundle PDF not written", e);
        }
    }

    /** How a time reads in the bundle: UTC, to the second (the JSON keeps the stored precision). */
    static String time(OffsetDateTime t) {
        return t == null ? "" : t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(TIME);
    }

    private void write(ConcernBundles.Bundle bundle) throws IOException {
        var content = bundle.content();
        var concern = content.concern();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle("Court and council bundle " + concern.reference());
        info.setProducer("SafeSessions safeguarding-service");

        newPage();
        text(bold, 16, 0, "Court and council bundle");
        text(bold, 12, 0, "Concern " + concern.reference());
        text(regular, 9, 0, "Produced " + time(bundle.producedAt()) + " by " + bundle.producedBy()
                + "; chronology entries 1 to " + content.entries().size() + ".");
        gap(8);

        text(bold, 11, 0, "Summary");
        field("Reference", concern.reference());
        field("Concern id", String.valueOf(concern.id()));
        field("Organisation", concern.organisation());
        field("Subject", String.valueOf(concern.subjectType()));
        field("Categories", concern.categories().stream().map(Enum::name).collect(Collectors.joining(", ")));
        field("Risk", String.valueOf(concern.risk()));
        field("Status", concern.status() + " (as of entry " + content.entries().size() + ")");
        field("Raised by", concern.raisedBy());
        field("Raised at", time(concern.raisedAt()));
        field("Source", String.valueOf(concern.source()));
        field("Session", concern.sessionId() == null ? "none" : concern.sessionId().toString());
        gap(8);

        text(bold, 11, 0, "Chain verification");
        text(regular, 10, 0, "Chain " + content.chain().statement());
        gap(4);
        text(bold, 11, 0, "Digest");
        text(regular, 9, 0, ConcernBundles.DIGEST_ALGORITHM + " of the bundle's content as canonical JSON (keys sorted,"
                + " nulls left out, no whitespace, UTF-8), as in the JSON bundle:");
        text(mono, 9, 0, bundle.digest());
        gap(8);

        text(bold, 11, 0, "Chronology");
        for (ConcernBundles.Entry e : content.entries()) {
            entry(e);
        }
        if (replaced) {
            gap(8);
            text(bold, 10, 0, "Note on characters");
            text(regular, 9, 0, "Characters this PDF's standard fonts cannot show are written as [U+XXXX], their"
                    + " Unicode code point; the JSON bundle holds the exact text.");
        }
        page.close();
        footers(bundle.digest());
    }

    private void entry(ConcernBundles.Entry e) throws IOException {
        gap(6);
        text(bold, 10, 0, "#" + e.seq() + "  " + e.kind() + "  " + time(e.recordedAt()) + "  by " + e.recordedBy());
        if (e.corrects() != null) {
            text(bold, 9, INDENT, "Corrects entry #" + (e.correctsSeq() != null ? e.correctsSeq() : e.corrects()));
        }
        if (!e.correctedBy().isEmpty()) {
            text(bold, 9, INDENT, "Corrected by entr" + (e.correctedBy().size() == 1 ? "y" : "ies") + " "
                    + e.correctedBy().stream().map(s -> "#" + s).collect(Collectors.joining(", ")));
        }
        if (Boolean.TRUE.equals(e.unreadable())) {
            text(bold, 9, INDENT, "The sealed text of this entry does not open: it was altered or its key is gone.");
        } else if (e.body() != null) {
            body(e.body());
        }
        text(mono, 8, INDENT, "previous hash " + e.previousHash());
        text(mono, 8, INDENT, "hash          " + e.hash());
    }

    private void body(ChronologyBody b) throws IOException {
        if (b.text() != null) {
            text(regular, 10, INDENT, b.text());
        }
        detail("Decision", b.decision());
        detail("Justification", b.justification());
        detail("Decided by", b.decidedBy());
        detail("Informed", b.informed() == null ? null : String.join(", ", b.informed()));
        detail("Council", b.council());
        detail("Method", b.method());
        detail("Reference", b.reference());
        detail("Council decision", b.councilDecision());
        detail("Decided at", b.decidedAt() == null ? null : time(b.decidedAt()));
        LawfulBasis basis = b.lawfulBasis();
        if (basis != null) {
            detail("Lawful basis", basis.kind() + (basis.consentId() != null ? ", consent " + basis.consentId() : "")
                    + (basis.decisionEntryId() != null ? ", decision entry " + basis.decisionEntryId() : ""));
        }
        if (b.converted() != null) {
            for (ChronologyBody.ConvertedEntry c : b.converted()) {
                text(mono, 8, INDENT, "converted #" + c.seq() + "  hash " + c.hash());
                text(mono, 8, INDENT, "    converted hash " + c.convertedHash());
            }
        }
    }

    private void detail(String label, Object value) throws IOException {
        if (value != null) {
            text(regular, 9, INDENT, label + ": " + value);
        }
    }

    private void field(String label, String value) throws IOException {
        text(regular, 10, 0, label + ": " + Objects.toString(value, ""));
    }

    private void gap(float points) {
        y -= points;
    }

    /** Writes {@code value} wrapped to the line width (paragraphs kept), starting a new page when one is full. */
    private void text(PDFont font, float size, float indent, String value) throws IOException {
        float width = WIDTH - indent;
        float leading = size * 1.3f;
        for (String paragraph : value.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            for (String line : wrap(font, size, width, showable(font, paragraph))) {
                if (y - leading < MARGIN + FOOTER) {
                    page.close();
                    newPage();
                }
                y -= leading;
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(MARGIN + indent, y);
                page.showText(line);
                page.endText();
            }
        }
    }

    private List<String> wrap(PDFont font, float size, float width, String paragraph) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word longer than the line is cut where the line ends
            String rest = word;
            while (width(font, size, rest) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                    cut--;
                }
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** The text with tabs as spaces and every character the font cannot show written as {@code [U+XXXX]}. */
    private String showable(PDFont font, String s) {
        Map<Integer, Boolean> known = shows.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(cp) && known.computeIfAbsent(cp, c -> encodes(font, c))) {
                out.appendCodePoint(cp);
            } else {
                replaced = true;
                out.append("[U+").append(String.format("%04X", cp)).append(']');
            }
        });
        return out.toString();
    }

    private static boolean encodes(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void newPage() throws IOException {
        PDPage p = new PDPage(PAGE);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Written once every page exists, so that each can say "page x of y". */
    private void footers(String digest) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.beginText();
                footer.setFont(mono, 7);
                footer.newLineAtOffset(MARGIN, MARGIN);
                footer.showText("Bundle " + ConcernBundles.DIGEST_ALGORITHM + " " + digest);
                footer.endText();
                String number = "Page " + (i + 1) + " of " + total;
                footer.beginText();
                footer.setFont(regular, 8);
                footer.newLineAtOffset(PAGE.getWidth() - MARGIN - width(regular, 8, number), MARGIN - 12);
                footer.showText(number);
                footer.endText();
            }
        }
    }
}
