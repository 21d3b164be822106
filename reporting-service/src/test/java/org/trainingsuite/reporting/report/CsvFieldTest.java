package org.trainingsuite.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFieldTest {

    @Test
    void quotesWhatRfc4180NeedsAndDisarmsSpreadsheetFormulasButNotNumbers() {
        assertThat(ReportRunner.csvField(null)).isEmpty();
        assertThat(ReportRunner.csvField("plain")).isEqualTo("plain");
        assertThat(ReportRunner.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportRunner.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportRunner.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ReportRunner.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportRunner.csvField("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportRunner.csvField("-2+3")).isEqualTo("'-2+3");
        assertThat(ReportRunner.csvField(-5)).isEqualTo("-5");
    }
}
