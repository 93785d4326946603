package cn.partyflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.UrlResource;

class StableDeploymentResourcesTest {

  @Test
  void theSameNameFromTheJarAndFromTargetClasses() throws MalformedURLException {
    var inJar = new UrlResource(
        "jar:file:/opt/partyflow.jar!/BOOT-INF/classes!/processes/dues/dues-collection.bpmn");
    var inIde = new UrlResource("file:/home/dev/partyflow/target/classes/processes/dues/dues-collection.bpmn");
    assertThat(StableDeploymentResources.nameOf(inJar)).isEqualTo("processes/dues/dues-collection.bpmn");
    assertThat(StableDeploymentResources.nameOf(inIde)).isEqualTo("processes/dues/dues-collection.bpmn");
  }

  @Test
  void formsKeepTheirFolder() throws MalformedURLException {
    var form = new UrlResource("file:/srv/app/target/classes/forms/member-development/md-talk.form");
    assertThat(StableDeploymentResources.nameOf(form)).isEqualTo("forms/member-development/md-talk.form");
  }

  @Test
  void aResourceDeployedUnderItsStableNameIsNotRedeployedWhenContentIsUnchanged() {
    var a = new StableDeploymentResources.NamedResource("x".getBytes(), "processes/a.bpmn");
    var b = new StableDeploymentResources.NamedResource("x".getBytes(), "processes/a.bpmn");
    assertThat(a).isEqualTo(b);
    assertThat(a.getPathWithinContext()).isEqualTo("processes/a.bpmn");
  }
}
