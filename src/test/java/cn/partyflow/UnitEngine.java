package cn.partyflow;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * The in-memory engine for process unit tests:
 * {@code @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();}
 */
public final class UnitEngine {

  private UnitEngine() {}

  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().configurationResource("camunda-unit.cfg.xml").build();
  }
}
