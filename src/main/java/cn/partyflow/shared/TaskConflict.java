package cn.partyflow.shared;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * Two officers working the same task at once: a claim of a task somebody else holds, or a completion of a task
 * that another completion has just finished (or is finishing). Nobody did anything wrong and nothing is broken, so
 * it is answered with 409 and logged like a rule, not as a fault.
 */
public final class TaskConflict extends RuleConflict {

  public static final String CLAIMED = "task.claimed";
  public static final String GONE = "task.gone";
  public static final String CLAIMED_MESSAGE = "该任务已被他人认领，您不能再认领；请刷新待办列表，或请认领人退回后再办理";
  public static final String GONE_MESSAGE = "该任务已被他人办理或正在被他人办理，本次提交未保存任何内容，请刷新待办列表";

  private TaskConflict(String rule, String message, Throwable cause) {
    super(rule, message);
    initCause(cause);
  }

  /**
   * The conflict {@code failure} of a user's {@code command} stands for, or null when it is something else. A
   * task that cannot be found is a conflict only for a claim or a completion: the engine looks the task up by the
   * id the caller had, and the other officer's completion removed it.
   */
  static TaskConflict of(Command<?> command, Throwable failure) {
    if (failure instanceof TaskAlreadyClaimedException) {
      return new TaskConflict(CLAIMED, CLAIMED_MESSAGE, failure);
    }
    boolean taskAction = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
        || command instanceof ClaimTaskCmd;
    if (taskAction && (failure instanceof OptimisticLockingException || missingTask(failure))) {
      return new TaskConflict(GONE, GONE_MESSAGE, failure);
    }
    return null;
  }

  /** The engine's answer to a task id that is not (or no longer) there: "Cannot find task with id …: task is null". */
  static boolean missingTask(Throwable failure) {
    return failure instanceof NullValueException && failure.getMessage() != null
        && failure.getMessage().startsWith("Cannot find task with id ");
  }
}
