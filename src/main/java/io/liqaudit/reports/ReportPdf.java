package io.liqaudit.reports;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The package's PDF for people: an XHTML page (from the Qute template reports/pdf.html) laid out
 * by openhtmltopdf — title page with the parameters and the checkpoint, the rows counted by the
 * report's summary column with bars, and the dictionary. The data files remain the record.
 */
final class ReportPdf {

    /** One line of the summary: a value, how many rows have it, and its bar's length in percent of the largest. */
    record Line(String name, long count, long percent) {
    }

    private ReportPdf() {
    }

    static List<Line> summary(Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        List<Line> out = new ArrayList<>();
        counts.forEach((name, count) -> out.add(new Line(name, count, Math.max(1, count * 100 / max))));
        return out;
    }

    static DataFile.Fact write(Path file, String xhtml) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "report", ".pdf");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(xhtml, null).toStream(out).run();
        }
        try (DataFile pdf = new DataFile(file)) {
            pdf.bytes(Files.readAllBytes(tmp));
            Files.delete(tmp);
            pdf.close();
            return pdf.fact();
        }
    }
}
