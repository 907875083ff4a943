package io.monitoringkit.cli; public final class Mkit { public static void main(String[] a) {} }
