/*
 * raw.c: the summary workbook of ThiDuaXlsx written directly with libxlsxwriter,
 * as a baseline for benchmarking the Swift writer.
 *
 * It builds the same synthetic figures as SummaryWorkbookInput.synthetic(units:
 * indicators:groups:) and writes the same sheets, cells, formulas with cached values,
 * number formats, merges, frozen panes, autofilter, print setup and chart, in
 * constant-memory mode. See README.md for what differs (column widths, title heights).
 *
 * Build: cc -O2 raw.c $(pkg-config --cflags --libs xlsxwriter) -o raw
 * Run:   ./raw UNITS INDICATORS GROUPS OUTPUT.xlsx
 *
 * Like the Swift code, it never calls setlocale(): libxlsxwriter prints numbers with
 * the C numeric locale.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define CHECK(expr)                                                              \
    do {                                                                         \
        lxw_error err_ = (expr);                                                 \
        if (err_ != LXW_NO_ERROR) {                                              \
            fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, lxw_strerror(err_)); \
            exit(1);                                                             \
        }                                                                        \
    } while (0)

static const char *SUMMARY = "Tổng hợp";
static const char *CHART = "Biểu đồ";
static const char *MISSING = "Chưa báo cáo";
static const char *SOURCES = "Nguồn";
static const char *FONT = "Times New Roman";

/* Column letters for a 0-based column. */
static void col_letters(int col, char *out) {
    char tmp[8];
    int n = col + 1, len = 0;
    while (n > 0) {
        tmp[len++] = (char)('A' + (n - 1) % 26);
        n = (n - 1) / 26;
    }
    for (int i = 0; i < len; i++) out[i] = tmp[len - 1 - i];
    out[len] = '\0';
}

/* "D16" for 0-based row and column. */
static void a1(int row, int col, char *out) {
    char letters[8];
    col_letters(col, letters);
    snprintf(out, 24, "%s%d", letters, row + 1);
}

static void roman(int number, char *out) {
    static const int values[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *symbols[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    out[0] = '\0';
    for (int i = 0; i < 13; i++)
        while (number >= values[i]) {
            strcat(out, symbols[i]);
            number -= values[i];
        }
}

/* The synthetic figures, exactly as in ReportWorkbookInput+Synthetic.swift. */
static int has_target(int i) { return i % 2 == 0; }
static int actual_blank(int u, int i) { return (u + i) % 17 == 0; }
static int64_t actual_of(int u, int i) { return (int64_t)(((int64_t)u * 7919 + (int64_t)i * 104729) % 1000); }
static int64_t target_of(int u, int i) { return (u + i) % 23 == 0 ? 0 : (int64_t)(((int64_t)u * 31 + (int64_t)i * 17) % 900 + 100); }

typedef struct {
    lxw_format *issuing, *title, *period, *header;
    lxw_format *serial[4], *name[4], *integer[4], *percent[4], *blank[4]; /* unit, group, subtotal, total */
    lxw_format *note, *note_center;
} formats_t;

static lxw_format *base(lxw_workbook *wb) {
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, FONT);
    format_set_font_size(f, 12);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

static void row_formats(lxw_workbook *wb, formats_t *fm, int k, int bold, int italic, uint32_t fill) {
    for (int j = 0; j < 5; j++) {
        lxw_format *f = base(wb);
        format_set_border(f, LXW_BORDER_THIN);
        if (bold) format_set_bold(f);
        if (italic) format_set_italic(f);
        if (fill) {
            format_set_pattern(f, LXW_PATTERN_SOLID);
            format_set_bg_color(f, fill);
        }
        switch (j) {
        case 0: format_set_align(f, LXW_ALIGN_CENTER); fm->serial[k] = f; break;
        case 1: format_set_text_wrap(f); fm->name[k] = f; break;
        case 2: format_set_num_format(f, "#,##0"); fm->integer[k] = f; break;
        case 3: format_set_num_format(f, "0.0%"); fm->percent[k] = f; break;
        default: fm->blank[k] = f; break;
        }
    }
}

static void make_formats(lxw_workbook *wb, formats_t *fm) {
    fm->issuing = base(wb);
    format_set_bold(fm->issuing);
    format_set_align(fm->issuing, LXW_ALIGN_CENTER);
    format_set_text_wrap(fm->issuing);
    fm->title = base(wb);
    format_set_bold(fm->title);
    format_set_font_size(fm->title, 14);
    format_set_align(fm->title, LXW_ALIGN_CENTER);
    format_set_text_wrap(fm->title);
    fm->period = base(wb);
    format_set_italic(fm->period);
    format_set_align(fm->period, LXW_ALIGN_CENTER);
    format_set_text_wrap(fm->period);
    fm->header = base(wb);
    format_set_bold(fm->header);
    format_set_align(fm->header, LXW_ALIGN_CENTER);
    format_set_text_wrap(fm->header);
    format_set_border(fm->header, LXW_BORDER_THIN);
    format_set_pattern(fm->header, LXW_PATTERN_SOLID);
    format_set_bg_color(fm->header, 0xD9E1F2);
    row_formats(wb, fm, 0, 0, 0, 0);
    row_formats(wb, fm, 1, 1, 0, 0xF2F2F2);
    row_formats(wb, fm, 2, 1, 1, 0xF2F2F2);
    row_formats(wb, fm, 3, 1, 0, 0xFCE4D6);
    fm->note = base(wb);
    format_set_italic(fm->note);
    fm->note_center = base(wb);
    format_set_italic(fm->note_center);
    format_set_align(fm->note_center, LXW_ALIGN_CENTER);
}

/* Writes the first-row cells of a merge; the caller then calls worksheet_merge_range,
 * after all merges starting on that row (see XlsxWorksheet.merge(_:) for why). */
static void merge(lxw_worksheet *ws, int r1, int c1, int c2, const char *text, lxw_format *f) {
    CHECK(worksheet_write_string(ws, r1, c1, text, f));
    for (int c = c1 + 1; c <= c2; c++) CHECK(worksheet_write_blank(ws, r1, c, f));
}

static void print_setup(lxw_worksheet *ws, int landscape) {
    if (landscape) worksheet_set_landscape(ws); else worksheet_set_portrait(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    CHECK(worksheet_set_footer(ws, "&C&P/&N"));
    worksheet_set_margins(ws, 15 / 25.4, 10 / 25.4, 20 / 25.4, 20 / 25.4);
}

/* IF(den=0,"",num/den) with its cached value. */
static void quotient(lxw_worksheet *ws, int row, int col, int num_col, int den_col, int64_t num, int64_t den, int den_present, lxw_format *f) {
    char n[24], d[24], formula[96];
    a1(row, num_col, n);
    a1(row, den_col, d);
    snprintf(formula, sizeof formula, "=IF(%s=0,\"\",%s/%s)", d, n, d);
    if (!den_present || den == 0)
        CHECK(worksheet_write_formula_str(ws, row, col, formula, f, ""));
    else
        CHECK(worksheet_write_formula_num(ws, row, col, formula, f, (double)num / (double)den));
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s UNITS INDICATORS GROUPS OUTPUT.xlsx\n", argv[0]);
        return 2;
    }
    int N = atoi(argv[1]), M = atoi(argv[2]), G = atoi(argv[3]);
    const char *output = argv[4];
    if (N < 0) N = 0;
    if (M < 0) M = 0;
    if (G < 1) G = 1;

    /* Column layout. */
    int *first = calloc((size_t)M + 1, sizeof(int));
    int col = 2;
    for (int i = 0; i < M; i++) {
        first[i] = col;
        col += has_target(i) ? 3 : 1;
    }
    int last_col = col - 1 < 1 ? 1 : col - 1;

    /* Row layout and exact totals. */
    int *subtotal_row = calloc((size_t)G, sizeof(int));
    int64_t *sum_t = calloc((size_t)G * (M ? M : 1), sizeof(int64_t));
    int64_t *sum_a = calloc((size_t)G * (M ? M : 1), sizeof(int64_t));
    int64_t *grand_t = calloc((size_t)(M ? M : 1), sizeof(int64_t));
    int64_t *grand_a = calloc((size_t)(M ? M : 1), sizeof(int64_t));
    int row = 6;
    for (int g = 0; g < G; g++) {
        int start = (int)((int64_t)g * N / G), end = (int)((int64_t)(g + 1) * N / G);
        row += 1 + (end - start);
        subtotal_row[g] = row++;
        for (int u = start; u < end; u++)
            for (int i = 0; i < M; i++) {
                if (!actual_blank(u, i)) sum_a[g * M + i] += actual_of(u, i);
                if (has_target(i)) sum_t[g * M + i] += target_of(u, i);
            }
        for (int i = 0; i < M; i++) {
            grand_t[i] += sum_t[g * M + i];
            grand_a[i] += sum_a[g * M + i];
        }
    }
    int total_row = row;

    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(output, &options);
    if (!wb) return 1;
    formats_t fm;
    make_formats(wb, &fm);
    lxw_doc_properties properties = {
        .title = "BÁO CÁO TỔNG HỢP SỐ LIỆU THỬ NGHIỆM",
        .subject = "Từ 01/01/2025 đến 30/6/2025",
        .author = "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE",
        .company = "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE",
        .comments = "Tạo bởi thidua",
    };
    CHECK(workbook_set_properties(wb, &properties));

    char buf[256], ref[24], formula[8192];

    /* ---- Tổng hợp ---- */
    lxw_worksheet *ws = workbook_add_worksheet(wb, SUMMARY);
    CHECK(worksheet_set_column(ws, 0, 0, 7, NULL));
    CHECK(worksheet_set_column(ws, 1, 1, 30, NULL));
    if (last_col >= 2) CHECK(worksheet_set_column(ws, 2, last_col, 12, NULL));
    worksheet_freeze_panes(ws, 6, 2);
    CHECK(worksheet_autofilter(ws, 5, 0, total_row - 1 > 6 ? total_row - 1 : 6, last_col));
    print_setup(ws, 1);
    CHECK(worksheet_repeat_rows(ws, 4, 5));
    worksheet_center_horizontally(ws);

    merge(ws, 0, 0, last_col, "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE", fm.issuing);
    CHECK(worksheet_merge_range(ws, 0, 0, 0, last_col, "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE", fm.issuing));
    merge(ws, 1, 0, last_col, "BÁO CÁO TỔNG HỢP SỐ LIỆU THỬ NGHIỆM", fm.title);
    CHECK(worksheet_merge_range(ws, 1, 0, 1, last_col, "BÁO CÁO TỔNG HỢP SỐ LIỆU THỬ NGHIỆM", fm.title));
    merge(ws, 2, 0, last_col, "Từ 01/01/2025 đến 30/6/2025", fm.period);
    CHECK(worksheet_merge_range(ws, 2, 0, 2, last_col, "Từ 01/01/2025 đến 30/6/2025", fm.period));

    /* Header row 1: single-column indicators as cells, then all merges (first rows pre-written). */
    CHECK(worksheet_set_row(ws, 4, 15.75 + 4, NULL));
    for (int i = 0; i < M; i++)
        if (!has_target(i)) {
            snprintf(buf, sizeof buf, "Chỉ tiêu %d (người)", i + 1);
            CHECK(worksheet_write_string(ws, 4, first[i], buf, fm.header));
        }
    merge(ws, 4, 0, 0, "STT", fm.header);
    merge(ws, 4, 1, 1, "Đơn vị", fm.header);
    for (int i = 0; i < M; i++)
        if (has_target(i)) {
            snprintf(buf, sizeof buf, "Chỉ tiêu %d (người)", i + 1);
            merge(ws, 4, first[i], first[i] + 2, buf, fm.header);
        }
    for (int i = 0; i < M; i++)
        if (has_target(i)) {
            snprintf(buf, sizeof buf, "Chỉ tiêu %d (người)", i + 1);
            CHECK(worksheet_merge_range(ws, 4, first[i], 4, first[i] + 2, buf, fm.header));
        }
    CHECK(worksheet_merge_range(ws, 4, 0, 5, 0, "STT", fm.header));
    CHECK(worksheet_merge_range(ws, 4, 1, 5, 1, "Đơn vị", fm.header));
    for (int i = 0; i < M; i++) {
        if (has_target(i)) {
            CHECK(worksheet_write_string(ws, 5, first[i], "Chỉ tiêu", fm.header));
            CHECK(worksheet_write_string(ws, 5, first[i] + 1, "Thực hiện", fm.header));
            CHECK(worksheet_write_string(ws, 5, first[i] + 2, "% đạt", fm.header));
        } else {
            CHECK(worksheet_write_string(ws, 5, first[i], "Thực hiện", fm.header));
        }
    }

    int serial = 0;
    row = 6;
    for (int g = 0; g < G; g++) {
        int start = (int)((int64_t)g * N / G), end = (int)((int64_t)(g + 1) * N / G);
        int header_row = row;
        roman(g + 1, buf);
        CHECK(worksheet_write_string(ws, row, 0, buf, fm.serial[1]));
        snprintf(buf, sizeof buf, "Khối %d", g + 1);
        CHECK(worksheet_write_string(ws, row, 1, buf, fm.name[1]));
        for (int c = 2; c <= last_col; c++) CHECK(worksheet_write_blank(ws, row, c, fm.blank[1]));
        row++;
        for (int u = start; u < end; u++, row++) {
            CHECK(worksheet_write_number(ws, row, 0, ++serial, fm.serial[0]));
            snprintf(buf, sizeof buf, "Công đoàn cơ sở số %d", u + 1);
            CHECK(worksheet_write_string(ws, row, 1, buf, fm.name[0]));
            for (int i = 0; i < M; i++) {
                int c = first[i];
                int blank = actual_blank(u, i);
                if (has_target(i)) {
                    int64_t t = target_of(u, i);
                    CHECK(worksheet_write_number(ws, row, c, (double)t, fm.integer[0]));
                    if (blank) CHECK(worksheet_write_blank(ws, row, c + 1, fm.integer[0]));
                    else CHECK(worksheet_write_number(ws, row, c + 1, (double)actual_of(u, i), fm.integer[0]));
                    quotient(ws, row, c + 2, c + 1, c, blank ? 0 : actual_of(u, i), t, 1, fm.percent[0]);
                } else {
                    if (blank) CHECK(worksheet_write_blank(ws, row, c, fm.integer[0]));
                    else CHECK(worksheet_write_number(ws, row, c, (double)actual_of(u, i), fm.integer[0]));
                }
            }
        }
        /* Subtotal. */
        int first_row = end > start ? header_row + 1 : header_row;
        int last_row = end > start ? header_row + (end - start) : header_row;
        CHECK(worksheet_write_blank(ws, row, 0, fm.serial[2]));
        snprintf(buf, sizeof buf, "Cộng Khối %d", g + 1);
        CHECK(worksheet_write_string(ws, row, 1, buf, fm.name[2]));
        for (int i = 0; i < M; i++) {
            int c = first[i];
            int n = has_target(i) ? 2 : 1;
            for (int k = 0; k < n; k++) {
                char a[24], b[24];
                a1(first_row, c + k, a);
                a1(last_row, c + k, b);
                snprintf(formula, sizeof formula, "=SUM(%s:%s)", a, b);
                int64_t v = (has_target(i) && k == 0) ? sum_t[g * M + i] : sum_a[g * M + i];
                CHECK(worksheet_write_formula_num(ws, row, c + k, formula, fm.integer[2], (double)v));
            }
            if (has_target(i))
                quotient(ws, row, c + 2, c + 1, c, sum_a[g * M + i], sum_t[g * M + i], 1, fm.percent[2]);
        }
        row++;
    }
    /* Grand total. */
    CHECK(worksheet_write_blank(ws, row, 0, fm.serial[3]));
    CHECK(worksheet_write_string(ws, row, 1, "TỔNG CỘNG", fm.name[3]));
    for (int i = 0; i < M; i++) {
        int c = first[i];
        int n = has_target(i) ? 2 : 1;
        for (int k = 0; k < n; k++) {
            size_t len = 0;
            formula[0] = '\0';
            for (int g = 0; g < G; g++) {
                a1(subtotal_row[g], c + k, ref);
                len += (size_t)snprintf(formula + len, sizeof formula - len, "%s%s", g ? "+" : "", ref);
            }
            int64_t v = (has_target(i) && k == 0) ? grand_t[i] : grand_a[i];
            CHECK(worksheet_write_formula_num(ws, row, c + k, formula, fm.integer[3], (double)v));
        }
        if (has_target(i)) quotient(ws, row, c + 2, c + 1, c, grand_a[i], grand_t[i], 1, fm.percent[3]);
    }

    /* ---- Biểu đồ ---- */
    int targets = 0;
    for (int i = 0; i < M; i++) targets += has_target(i);
    ws = workbook_add_worksheet(wb, CHART);
    CHECK(worksheet_set_column(ws, 0, 0, 12, NULL));
    if (targets) CHECK(worksheet_set_column(ws, 1, targets, 12, NULL));
    print_setup(ws, 1);
    const char *chart_title = "TỶ LỆ % ĐẠT CHỈ TIÊU THEO KHỐI, CỤM";
    if (targets) {
        lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
        int t = 0;
        for (int i = 0; i < M; i++) {
            if (!has_target(i)) continue;
            char cats[96], vals[96], letters[8];
            col_letters(t + 1, letters);
            snprintf(cats, sizeof cats, "='%s'!$A$3:$A$%d", CHART, 2 + G);
            snprintf(vals, sizeof vals, "='%s'!$%s$3:$%s$%d", CHART, letters, letters, 2 + G);
            lxw_chart_series *series = chart_add_series(chart, cats, vals);
            snprintf(buf, sizeof buf, "Chỉ tiêu %d", i + 1);
            chart_series_set_name(series, buf);
            chart_series_set_labels(series);
            chart_series_set_labels_num_format(series, "0%");
            t++;
        }
        chart_title_set_name(chart, "Tỷ lệ % đạt chỉ tiêu");
        chart_axis_set_name(chart->x_axis, "Khối, cụm");
        chart_axis_set_name(chart->y_axis, "% đạt");
        chart_axis_set_num_format(chart->y_axis, "0%");
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options chart_options = {.x_scale = 1.5, .y_scale = 1.5};
        CHECK(worksheet_insert_chart_opt(ws, 2 + G + 1, 0, chart, &chart_options));
        merge(ws, 0, 0, targets, chart_title, fm.title);
        CHECK(worksheet_merge_range(ws, 0, 0, 0, targets, chart_title, fm.title));
        CHECK(worksheet_set_row(ws, 1, 2 * 15.75, NULL));
        CHECK(worksheet_write_string(ws, 1, 0, "Khối/Cụm", fm.header));
        t = 0;
        for (int i = 0; i < M; i++)
            if (has_target(i)) {
                snprintf(buf, sizeof buf, "Chỉ tiêu %d", i + 1);
                CHECK(worksheet_write_string(ws, 1, ++t, buf, fm.header));
            }
        for (int g = 0; g < G; g++) {
            snprintf(buf, sizeof buf, "Khối %d", g + 1);
            CHECK(worksheet_write_string(ws, 2 + g, 0, buf, fm.name[0]));
            t = 0;
            for (int i = 0; i < M; i++) {
                if (!has_target(i)) continue;
                a1(subtotal_row[g], first[i] + 2, ref);
                snprintf(formula, sizeof formula, "='%s'!%s", SUMMARY, ref);
                int64_t den = sum_t[g * M + i];
                if (den == 0)
                    CHECK(worksheet_write_formula_str(ws, 2 + g, ++t, formula, fm.percent[0], ""));
                else
                    CHECK(worksheet_write_formula_num(ws, 2 + g, ++t, formula, fm.percent[0], (double)sum_a[g * M + i] / (double)den));
            }
        }
    } else {
        CHECK(worksheet_write_string(ws, 0, 0, chart_title, fm.title));
        CHECK(worksheet_write_string(ws, 2, 0, "Không có chỉ tiêu nào có kế hoạch (chỉ tiêu) nên không vẽ biểu đồ.", fm.note));
    }

    /* ---- Chưa báo cáo ---- */
    ws = workbook_add_worksheet(wb, MISSING);
    CHECK(worksheet_set_column(ws, 0, 0, 7, NULL));
    CHECK(worksheet_set_column(ws, 1, 1, 40, NULL));
    CHECK(worksheet_set_column(ws, 2, 2, 12, NULL));
    worksheet_freeze_panes(ws, 2, 0);
    print_setup(ws, 0);
    CHECK(worksheet_repeat_rows(ws, 1, 1));
    merge(ws, 0, 0, 2, "DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO", fm.title);
    CHECK(worksheet_merge_range(ws, 0, 0, 0, 2, "DANH SÁCH ĐƠN VỊ CHƯA BÁO CÁO", fm.title));
    CHECK(worksheet_write_string(ws, 1, 0, "STT", fm.header));
    CHECK(worksheet_write_string(ws, 1, 1, "Đơn vị", fm.header));
    CHECK(worksheet_write_string(ws, 1, 2, "Khối/Cụm", fm.header));
    int missing = N / 50;
    if (missing == 0) {
        merge(ws, 2, 0, 2, "Tất cả đơn vị đã báo cáo.", fm.note_center);
        CHECK(worksheet_merge_range(ws, 2, 0, 2, 2, "Tất cả đơn vị đã báo cáo.", fm.note_center));
    }
    for (int k = 0; k < missing; k++) {
        CHECK(worksheet_write_number(ws, 2 + k, 0, k + 1, fm.serial[0]));
        snprintf(buf, sizeof buf, "Công đoàn cơ sở chưa báo cáo số %d", k + 1);
        CHECK(worksheet_write_string(ws, 2 + k, 1, buf, fm.name[0]));
        snprintf(buf, sizeof buf, "Khối %d", k % G + 1);
        CHECK(worksheet_write_string(ws, 2 + k, 2, buf, fm.name[0]));
    }

    /* ---- Nguồn ---- */
    ws = workbook_add_worksheet(wb, SOURCES);
    CHECK(worksheet_set_column(ws, 0, 0, 18, NULL));
    CHECK(worksheet_set_column(ws, 1, 1, 12, NULL));
    worksheet_freeze_panes(ws, 2, 0);
    print_setup(ws, 0);
    CHECK(worksheet_repeat_rows(ws, 1, 1));
    merge(ws, 0, 0, 1, "ĐỐI CHIẾU NGUỒN SỐ LIỆU", fm.title);
    CHECK(worksheet_merge_range(ws, 0, 0, 0, 1, "ĐỐI CHIẾU NGUỒN SỐ LIỆU", fm.title));
    CHECK(worksheet_write_string(ws, 1, 0, "Nội dung", fm.header));
    CHECK(worksheet_write_string(ws, 1, 1, "Giá trị", fm.header));
    const char *labels[] = {"Số tệp đã đọc", "Số dòng đã đọc", "Số dòng đã dùng", "Số dòng bỏ qua"};
    double values[] = {N, N, N, 0};
    for (int k = 0; k < 4; k++) {
        CHECK(worksheet_write_string(ws, 2 + k, 0, labels[k], fm.name[0]));
        CHECK(worksheet_write_number(ws, 2 + k, 1, values[k], fm.integer[0]));
    }

    CHECK(workbook_close(wb));
    free(first);
    free(subtotal_row);
    free(sum_t);
    free(sum_a);
    free(grand_t);
    free(grand_a);
    return 0;
}
