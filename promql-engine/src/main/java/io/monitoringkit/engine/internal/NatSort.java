package io.monitoringkit.engine.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Natural ordering of strings (digit runs compare numerically), as sort_by_label uses. */
final class NatSort {
    private NatSort() {
    }

    private static List<String> chunks(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            boolean digit = Character.isDigit(s.charAt(i));
            int j = i;
            while (j < s.length() && Character.isDigit(s.charAt(j)) == digit) {
                j++;
            }
            out.add(s.substring(i, j));
            i = j;
        }
        return out;
    }

    /** @return whether {@code a} sorts before {@code b}. */
    static boolean less(String a, String b) {
        List<String> ca = chunks(a);
        List<String> cb = chunks(b);
        for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) {
            String x = ca.get(i);
            String y = cb.get(i);
            if (x.equals(y)) {
                continue;
            }
            boolean dx = Character.isDigit(x.charAt(0));
            boolean dy = Character.isDigit(y.charAt(0));
            if (dx && dy) {
                int c = new BigInteger(x).compareTo(new BigInteger(y));
                if (c != 0) {
                    return c < 0;
                }
                return x.compareTo(y) < 0;
            }
            return x.compareTo(y) < 0;
        }
        return ca.size() < cb.size();
    }
}
