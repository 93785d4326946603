package cn.partyflow.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * What a procedure's Steps bean reads and writes besides the submitted form ({@link FormInput}): the user acting in
 * the engine, a case variable the process itself set, and a JSON variable for a form's table or options.
 */
public final class StepVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StepVariables() {}

  /** A variable the process set (an id, a key) as its text, unchecked; null when absent. */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** The login of the user the engine acts for; null for the engine itself (a timer, a job). */
  public static String user(ProcessEngineServicesAware scope) {
    Authentication auth = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  /** Rows or options as a JSON variable, which form-js reads as a table's data or a field's values. */
  public static Object json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
