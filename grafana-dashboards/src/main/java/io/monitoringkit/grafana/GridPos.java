package io.monitoringkit.grafana;

/**
 * A panel's place in Grafana's 24-column grid: {@code x}, {@code y} (in grid rows), width and height.
 *
 * <pre>{@code
 * GridPos left = new GridPos(0, 0, 12, 8);
 * left.overlaps(new GridPos(12, 0, 12, 8)); // false
 * }</pre>
 *
 * @param x column, 0 to 23
 * @param y row, 0 and up
 * @param w width in columns, 1 to 24
 * @param h height in rows, 1 and up
 */
public record GridPos(int x, int y, int w, int h) {

    /** The number of columns of Grafana's grid. */
    public static final int COLUMNS = 24;

    /** @return whether this position lies inside the grid (x, w and x + w within 24 columns; y not negative; h positive). */
    public boolean inGrid() {
        return x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= COLUMNS;
    }

    /** @return whether this and {@code o} share a cell. */
    public boolean overlaps(GridPos o) {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    /** @return the first grid row below this panel. */
    public int bottom() {
        return y + h;
    }
}
