package io.monitoringkit.grafana;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Automatic layout and ids for built dashboards: Grafana's 24-column grid, rows full width, panels flowing left
 * to right and wrapping, explicit positions respected, nothing overlapping; ids assigned in order.
 */
final class Layout {
    static final int DEFAULT_W = 12;
    static final int DEFAULT_H = 8;

    private Layout() {
    }

    static List<Panel> layout(List<Panel> panels, List<String> violations, Set<String> variableNames) {
        Set<Integer> used = new HashSet<>();
        collectIds(panels, used, violations, "panels");
        int[] nextId = {1};
        List<Panel> out = place(panels, 0, new ArrayList<>(), used, nextId, violations, "panels", variableNames);
        return out;
    }

    private static void collectIds(List<Panel> panels, Set<Integer> used, List<String> v, String path) {
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            if (p.id().isPresent() && !used.add(p.id().getAsInt())) {
                v.add(path + "[" + i + "].id: panel id " + p.id().getAsInt() + " is used twice");
            }
            collectIds(p.panels(), used, v, path + "[" + i + "].panels");
        }
    }

    private static List<Panel> place(List<Panel> panels, int startY, List<GridPos> placed, Set<Integer> used,
            int[] nextId, List<String> v, String path, Set<String> variableNames) {
        List<Panel> out = new ArrayList<>(panels.size());
        int x = 0;
        int y = startY;
        int lineBottom = startY;
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            String at = path + "[" + i + "]";
            Integer id = p.id().isPresent() ? p.id().getAsInt() : next(used, nextId);
            p.repeat().ifPresent(r -> {
                if (!variableNames.contains(r)) {
                    v.add(at + ".repeat: variable \"" + r + "\" is not defined");
                }
            });
            GridPos pos;
            if (p.gridPos().isPresent()) {
                pos = p.gridPos().get();
            } else if (p.isRow()) {
                int top = y == lineBottom && x == 0 ? y : lineBottom;
                for (GridPos g : placed) {
                    top = Math.max(top, g.bottom());
                }
                pos = new GridPos(0, top, GridPos.COLUMNS, 1);
            } else {
                int w = p.wantedWidth() > 0 ? p.wantedWidth() : DEFAULT_W;
                int h = p.wantedHeight() > 0 ? p.wantedHeight() : DEFAULT_H;
                if (x + w > GridPos.COLUMNS) {
                    x = 0;
                    y = lineBottom;
                }
                pos = new GridPos(x, y, w, h);
                boolean moved = true;
                while (moved) {
                    moved = false;
                    for (GridPos g : placed) {
                        if (g.overlaps(pos)) {
                            pos = new GridPos(pos.x(), g.bottom(), w, h);
                            moved = true;
                        }
                    }
                }
            }
            if (!pos.inGrid()) {
                v.add(at + ".gridPos: " + pos + " is outside the 24-column grid");
            }
            for (GridPos g : placed) {
                if (g.overlaps(pos)) {
                    v.add(at + ".gridPos: " + pos + " of \"" + p.title() + "\" overlaps " + g);
                    break;
                }
            }
            placed.add(pos);
            List<Panel> children = null;
            if (p.isRow()) {
                x = 0;
                y = pos.bottom();
                lineBottom = y;
                if (!p.panels().isEmpty()) {
                    children = place(p.panels(), pos.bottom(), new ArrayList<>(), used, nextId, v, at + ".panels",
                            variableNames);
                }
            } else {
                x = pos.x() + pos.w();
                y = pos.y();
                lineBottom = Math.max(lineBottom, pos.bottom());
            }
            out.add(p.withLayout(id, pos, children));
        }
        return out;
    }

    private static int next(Set<Integer> used, int[] nextId) {
        while (used.contains(nextId[0])) {
            nextId[0]++;
        }
        used.add(nextId[0]);
        return nextId[0]++;
    }
}
