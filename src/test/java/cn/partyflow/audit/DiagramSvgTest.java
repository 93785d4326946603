package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * 发展党员 reads on one screen: its five stages are collapsed sub-processes in the overview, and each stage's steps
 * are drawn below it under the stage's name, as a modeler shows them when one drills down.
 */
class DiagramSvgTest {

  static final BpmnModelInstance MEMBER_DEVELOPMENT =
      Bpmn.readModelFromFile(new File("processes/member-development/member-development.bpmn"));

  @Test
  void theOverviewFitsAScreenAndEveryStageIsDrawnBelowIt() {
    String svg = DiagramSvg.render(MEMBER_DEVELOPMENT, Set.of("StartEvent_Case"),
        Set.of("SubProcess_Activist", "Task_Cultivate"), Map.of());

    double overviewRight = 0;
    for (String stage : new String[] {"SubProcess_Application", "SubProcess_Probation", "EndEvent_FullMember"}) {
      Matcher m = Pattern.compile("data-element-id=\"" + stage + "\" class=\"[^\"]*\"><(?:rect|circle) (?:x|cx)=\"([0-9.]+)\"")
          .matcher(svg);
      assertThat(m.find()).as(stage + " drawn").isTrue();
      overviewRight = Math.max(overviewRight, Double.parseDouble(m.group(1)));
    }
    assertThat(overviewRight).as("the overview from start to end within 1,920 px").isLessThan(1920);
    assertThat(svg).contains(">第一阶段：申请入党</text>", ">第五阶段：教育、考察和转正</text>");
    assertThat(svg).contains("data-element-id=\"Task_Cultivate\" class=\"pf-active\"");
    assertThat(svg).contains("data-element-id=\"SubProcess_Activist\" class=\"pf-active\"");
    assertThat(svg).contains("data-focus=\"Task_Cultivate\"");
  }

  @Test
  void stagesAreStackedNotSideBySide() {
    String svg = DiagramSvg.render(MEMBER_DEVELOPMENT, Set.of(), Set.of(), Map.of());
    Matcher box = Pattern.compile("viewBox=\"[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)\"").matcher(svg);
    assertThat(box.find()).isTrue();
    assertThat(Double.parseDouble(box.group(1))).as("as wide as the widest stage, not all five").isLessThan(2600);
    assertThat(Double.parseDouble(box.group(2))).as("the stages one below the other").isGreaterThan(1800);
  }
}
