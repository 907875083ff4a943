package io.monitoringkit.testkit; /** placeholder for compile check */ final class Tmp {}
