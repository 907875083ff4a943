package io.monitoringkit.benchmarks; final class Tmp {}
