package vn.htxconnect.linkage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Period;
import vn.htxconnect.linkage.LinkageEnums.Stage;
import vn.htxconnect.linkage.LinkageEnums.Status;

/**
 * Draws a value chain as SVG: one column per stage from production to retail, organizations as boxes,
 * linkages as arrows labelled with the agreed volume (or the category, for readers who may not see volumes);
 * suspended linkages dashed, the root outlined. Every text is XML-escaped.
 */
final class ValueChainSvg {

    static final int BOX_W = 210;
    static final int BOX_H = 46;
    static final int COL_W = 300;
    static final int ROW_H = 70;
    static final int TOP = 78;
    static final int LEFT = 30;

    private static final Map<Stage, String[]> STAGES = new EnumMap<>(Map.of(
            Stage.PRODUCTION, new String[] {"Sản xuất", "Production", "#e8f5e9", "#2e7d32"},
            Stage.PROCESSING, new String[] {"Chế biến", "Processing", "#fff8e1", "#f57f17"},
            Stage.DISTRIBUTION, new String[] {"Phân phối", "Distribution", "#e3f2fd", "#1565c0"},
            Stage.RETAIL, new String[] {"Bán lẻ", "Retail", "#fce4ec", "#ad1457"},
            Stage.EXPORT, new String[] {"Xuất khẩu", "Export", "#ede7f6", "#4527a0"}));

    private ValueChainSvg() {
    }

    /**
     * @param names organization names by ID
     * @param categoryName category label by code (for arrows whose volume the reader may not see)
     * @param title heading, e.g. the root's name
     */
    static String render(ValueChains.Graph g, Map<Long, String> names, Function<String, String> categoryName, String title) {
        Map<Stage, List<ValueChains.Node>> columns = new EnumMap<>(Stage.class);
        for (ValueChains.Node n : g.nodes()) {
            columns.computeIfAbsent(n.stage() == null ? Stage.PRODUCTION : n.stage(), s -> new ArrayList<>()).add(n);
        }
        columns.values().forEach(c -> c.sort(Comparator.comparingInt(ValueChains.Node::distance)
                .thenComparing(n -> names.getOrDefault(n.organizationId(), ""))));
        List<Stage> order = new ArrayList<>(columns.keySet());
        Map<Long, int[]> at = new HashMap<>();
        int rows = 1;
        for (int c = 0; c < order.size(); c++) {
            List<ValueChains.Node> column = columns.get(order.get(c));
            for (int r = 0; r < column.size(); r++) {
                at.put(column.get(r).organizationId(), new int[] {LEFT + c * COL_W, TOP + r * ROW_H});
            }
            rows = Math.max(rows, column.size());
        }
        int width = Math.max(LEFT * 2 + Math.max(order.size(), 1) * COL_W - (COL_W - BOX_W), 480);
        int height = TOP + rows * ROW_H + 30;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif\" font-size=\"13\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" ")
                .append("orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#546e7a\"/></marker></defs>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<text x=\"").append(LEFT).append("\" y=\"26\" font-size=\"17\" font-weight=\"600\" fill=\"#263238\">")
                .append(esc(title)).append("</text>\n");
        for (int c = 0; c < order.size(); c++) {
            String[] s = STAGES.get(order.get(c));
            int x = LEFT + c * COL_W;
            svg.append("<text x=\"").append(x).append("\" y=\"56\" font-weight=\"600\" fill=\"").append(s[3]).append("\">")
                    .append(esc(s[0])).append(" · ").append(esc(s[1])).append("</text>\n");
        }
        for (Linkage l : g.links()) {
            int[] from = at.get(l.supplierOrganizationId());
            int[] to = at.get(l.customerOrganizationId());
            if (from == null || to == null) {
                continue;
            }
            double x1 = from[0] + BOX_W;
            double y1 = from[1] + BOX_H / 2.0;
            double x2 = to[0];
            double y2 = to[1] + BOX_H / 2.0;
            String path;
            if (x2 <= x1) {
                // Same stage (e.g. distributor to distributor): a loop on the right-hand side.
                x2 = to[0] + BOX_W;
                path = "M%.0f,%.0f C%.0f,%.0f %.0f,%.0f %.0f,%.0f".formatted(x1, y1, x1 + 60, y1, x2 + 60, y2, x2 + 4, y2);
            } else {
                double mid = (x1 + x2) / 2;
                path = "M%.0f,%.0f C%.0f,%.0f %.0f,%.0f %.0f,%.0f".formatted(x1, y1, mid, y1, mid, y2, x2 - 2, y2);
            }
            boolean suspended = l.status() == Status.SUSPENDED;
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#546e7a\" stroke-width=\"1.6\" marker-end=\"url(#arrow)\"")
                    .append(suspended ? " stroke-dasharray=\"6 4\"" : "").append("><title>").append(esc(tooltip(l, names, categoryName)))
                    .append("</title></path>\n");
            double lx = x2 <= x1 ? x1 + 44 : (x1 + x2) / 2;
            double ly = (y1 + y2) / 2 - 6;
            svg.append("<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" font-size=\"12\" fill=\"#37474f\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">"
                    .formatted(lx, ly)).append(esc(label(l, categoryName))).append(suspended ? " (tạm dừng)" : "").append("</text>\n");
        }
        for (ValueChains.Node n : g.nodes()) {
            int[] p = at.get(n.organizationId());
            String[] s = STAGES.get(n.stage() == null ? Stage.PRODUCTION : n.stage());
            boolean root = g.rootOrganizationId() != null && n.organizationId() == g.rootOrganizationId();
            String name = names.getOrDefault(n.organizationId(), "#" + n.organizationId());
            svg.append("<g><title>").append(esc(name)).append("</title><rect x=\"").append(p[0]).append("\" y=\"").append(p[1])
                    .append("\" width=\"").append(BOX_W).append("\" height=\"").append(BOX_H).append("\" rx=\"8\" fill=\"").append(s[2])
                    .append("\" stroke=\"").append(s[3]).append("\" stroke-width=\"").append(root ? "3" : "1.2").append("\"/>")
                    .append("<text x=\"").append(p[0] + 12).append("\" y=\"").append(p[1] + 28).append("\" fill=\"#212121\"")
                    .append(root ? " font-weight=\"600\"" : "").append(">").append(esc(shorten(name, 28))).append("</text></g>\n");
        }
        if (g.truncated()) {
            svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(height - 10)
                    .append("\" fill=\"#b71c1c\">Chuỗi quá lớn: chỉ vẽ ").append(g.links().size()).append(" liên kết đầu tiên</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    static String label(Linkage l, Function<String, String> categoryName) {
        if (l.volumePerPeriod() == null) {
            return categoryName.apply(l.categoryCode());
        }
        return number(l.volumePerPeriod()) + " " + l.unit().label() + per(l.period());
    }

    private static String tooltip(Linkage l, Map<Long, String> names, Function<String, String> categoryName) {
        return names.getOrDefault(l.supplierOrganizationId(), "") + " → " + names.getOrDefault(l.customerOrganizationId(), "")
                + ": " + categoryName.apply(l.categoryCode()) + (l.volumePerPeriod() == null ? "" : ", " + label(l, categoryName));
    }

    private static String per(Period p) {
        return switch (p) {
            case ONE_OFF -> " (một lần)";
            case WEEKLY -> "/tuần";
            case MONTHLY -> "/tháng";
            case QUARTERLY -> "/quý";
            case PER_SEASON -> "/vụ";
            case YEARLY -> "/năm";
        };
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v).replace(',', '.')
                : String.format(Locale.ROOT, "%.2f", v).replace('.', ',');
    }

    static String shorten(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0 documents.
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
