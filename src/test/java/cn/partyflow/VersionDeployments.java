package cn.partyflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Versions of one procedure deployed on the unit engine, each with the procedure's current forms, and removed again
 * with their cases: what a test of moving running cases to the latest version ({@code RunningCaseUpgrade}) deploys.
 */
public final class VersionDeployments {

  private final ProcessEngine engine;
  private final String formsFolder;
  private final List<String> deployments = new ArrayList<>();

  /** @param formsFolder the procedure's forms, as under the project's root ({@code forms/rectification}) */
  public VersionDeployments(ProcessEngine engine, String formsFolder) {
    this.engine = engine;
    this.formsFolder = formsFolder;
  }

  /** Deploys a version of the process from the classpath with the forms; returns the deployment's id. */
  public String deploy(String bpmn) {
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment().addClasspathResource(bpmn);
    try (Stream<Path> forms = Files.list(Path.of(formsFolder))) {
      forms.forEach(f -> builder.addClasspathResource(formsFolder + "/" + f.getFileName()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String id = builder.deploy().getId();
    deployments.add(id);
    return id;
  }

  public ProcessDefinition definition(String deploymentId) {
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
  }

  /** Removes every version deployed here, with its cases and history. */
  public void removeAll() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true, true));
    deployments.clear();
  }
}
