package cn.partyflow.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of each deployment, parsed once and kept for as long as the application runs (a deployment never
 * changes). A form is found by its {@code id}, which is what {@code camunda:formRef} names. Inside an engine command
 * the forms are read without authorization checks, as the engine reads a deployed form for anyone allowed to see the
 * task; outside one, through the repository.
 */
@Component
public class FormSchemas {

  private final ObjectProvider<RepositoryService> repository;
  private final Map<String, Map<String, FormSchema>> byDeployment = new ConcurrentHashMap<>();

  FormSchemas(ObjectProvider<RepositoryService> repository) {
    this.repository = repository;
  }

  /** The forms of a deployment by form id; where two files share an id, the first by resource name wins. */
  public Map<String, FormSchema> ofDeployment(String deploymentId) {
    return byDeployment.computeIfAbsent(deploymentId, this::read);
  }

  public Optional<FormSchema> form(String deploymentId, String formId) {
    return formId == null ? Optional.empty() : Optional.ofNullable(ofDeployment(deploymentId).get(formId));
  }

  private Map<String, FormSchema> read(String deploymentId) {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      for (ResourceEntity r : context.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
        if (r.getName().endsWith(".form")) {
          files.put(r.getName(), r.getBytes());
        }
      }
    } else {
      RepositoryService repositoryService = repository.getObject();
      for (String name : repositoryService.getDeploymentResourceNames(deploymentId)) {
        if (name.endsWith(".form")) {
          try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
            files.put(name, in.readAllBytes());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    Map<String, FormSchema> forms = new LinkedHashMap<>();
    files.values().forEach(bytes -> {
      FormSchema form = FormSchema.parse(bytes);
      forms.putIfAbsent(form.id(), form);
    });
    return java.util.Collections.unmodifiableMap(forms);
  }
}
