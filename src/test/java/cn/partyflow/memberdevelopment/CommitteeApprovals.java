package cn.partyflow.memberdevelopment;

import cn.partyflow.memberdevelopment.CommitteeMeetingService.Submission;
import cn.partyflow.memberdevelopment.CommitteeMeetingService.Vote;
import cn.partyflow.organization.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * For tests outside this package that walk a case past a 党委 approval: records a 党委会 as the 党委会研究 page does,
 * every committee member present and voting for each case named.
 */
public final class CommitteeApprovals {

  private CommitteeApprovals() {}

  /**
   * Approves the open approval of each case (admission, conversion, or another module's item such as a 自行脱党除名)
   * at a meeting on {@code date}.
   */
  public static void approve(ApplicationContext context, String orgDeptUser, String committeeId, String date,
      String... processInstanceIds) {
    CommitteeMeetingService service = context.getBean(CommitteeMeetingService.class);
    Map<String, String> attendance = new LinkedHashMap<>();
    List<Person> members = service.entitled(committeeId);
    members.forEach(p -> attendance.put(p.id(), "PRESENT"));
    List<Vote> votes = new ArrayList<>();
    List<CommitteeMeetingService.Candidate> open = service.candidates(committeeId);
    for (String pi : processInstanceIds) {
      String task = open.stream().filter(c -> c.processInstanceId().equals(pi)).findFirst()
          .orElseThrow(() -> new IllegalStateException("no open 党委 approval in case " + pi)).taskId();
      votes.add(new Vote(task, members.size(), 0, 0, false, null, null));
    }
    service.record(orgDeptUser, new Submission(committeeId, date, "集体讨论，逐个表决", attendance, Map.of(), votes));
  }
}
