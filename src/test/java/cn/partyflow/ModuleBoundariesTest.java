package cn.partyflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The modules are the packages right under {@code cn.partyflow}. The kernel ({@code shared}, then {@code calendar}
 * and {@code organization}) depends on no feature; a feature ({@code memberdevelopment}, {@code rectification}, {@code dues},
 * {@code audit}, {@code home}, {@code roster}, …) uses the kernel and the published API of the others. A module's
 * published API is the public types of its root package; its sub-packages ({@code web} and any other) are its own.
 * {@code shared} is published whole. Only the organization module writes its tables.
 */
class ModuleBoundariesTest {

  private static final String BASE = "cn.partyflow.";

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.partyflow");

  static final ArchRule sharedIsAKernelThatKnowsNoModule = noClasses().that().resideInAPackage("cn.partyflow.shared..")
      .should().dependOnClassesThat(ModuleBoundariesTest.outside("shared"))
      .because("shared is the thin kernel every module builds on");

  static final ArchRule calendarUsesOnlyTheKernel = noClasses().that().resideInAPackage("cn.partyflow.calendar..")
      .should().dependOnClassesThat(ModuleBoundariesTest.outside("calendar", "shared"));

  static final ArchRule organizationUsesOnlyTheKernel = noClasses().that()
      .resideInAPackage("cn.partyflow.organization..")
      .should().dependOnClassesThat(ModuleBoundariesTest.outside("organization", "calendar", "shared"));

  static final ArchRule modulesUseOnlyEachOthersPublishedApi = classes().that().resideInAPackage("cn.partyflow..")
      .should(new ArchCondition<JavaClass>("use other modules only through their published API") {
        @Override
        public void check(JavaClass origin, ConditionEvents events) {
          String own = module(origin.getPackageName());
          for (Dependency d : origin.getDirectDependenciesFromSelf()) {
            String target = d.getTargetClass().getPackageName();
            String other = module(target);
            if (other == null || other.equals(own) || other.equals("shared")) {
              continue;
            }
            if (!target.equals(BASE + other)) {
              events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": " + target
                  + " is internal to " + other));
            }
          }
        }
      });

  static final ArchRule modulesAreFreeOfCycles = SlicesRuleDefinition.slices().matching("cn.partyflow.(*)..")
      .should().beFreeOfCycles();

  @Test
  void sharedIsAKernelThatKnowsNoModule() {
    sharedIsAKernelThatKnowsNoModule.check(MAIN);
  }

  @Test
  void calendarAndOrganizationUseOnlyTheKernel() {
    calendarUsesOnlyTheKernel.check(MAIN);
    organizationUsesOnlyTheKernel.check(MAIN);
  }

  @Test
  void aModuleReachesAnotherOnlyThroughItsPublishedApi() {
    modulesUseOnlyEachOthersPublishedApi.check(MAIN);
  }

  @Test
  void modulesDependOnEachOtherWithoutCycles() {
    modulesAreFreeOfCycles.check(MAIN);
  }

  private static final Pattern WRITES_REGISTRY = Pattern.compile(
      "(?i)(update|insert\\s+into|delete\\s+from|merge\\s+into)\\s+(pf_organization|pf_person|pf_role_assignment)\\b");

  @Test
  void onlyTheOrganizationModuleWritesItsTables() throws IOException {
    List<String> writers = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn/partyflow"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (!file.startsWith(Path.of("src/main/java/cn/partyflow/organization"))
            && WRITES_REGISTRY.matcher(Files.readString(file)).find()) {
          writers.add(file.toString());
        }
      }
    }
    assertThat(writers).as("classes outside organization writing pf_organization, pf_person or pf_role_assignment")
        .isEmpty();
  }

  /** The module a package belongs to: its first segment under cn.partyflow; null for the application's root. */
  static String module(String packageName) {
    if (!packageName.startsWith(BASE)) {
      return null;
    }
    String rest = packageName.substring(BASE.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> outside(String... allowed) {
    List<String> modules = List.of(allowed);
    return com.tngtech.archunit.base.DescribedPredicate.describe("modules other than " + modules,
        c -> module(c.getPackageName()) != null && !modules.contains(module(c.getPackageName())));
  }
}
