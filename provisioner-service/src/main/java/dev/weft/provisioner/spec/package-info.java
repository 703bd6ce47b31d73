/**
 * The {@code NetworkSpec}: what a Fabric network should look like, how it is parsed from YAML or JSON, how it is
 * validated, and {@link dev.weft.provisioner.spec.NetworkNaming}, the one place that names every node, object, host
 * and local port.
 *
 * <pre>{@code
 * NetworkSpec spec = NetworkSpecs.parse(yaml);              // defaults applied, unknown fields rejected
 * List<SpecProblem> problems = SpecValidator.validate(spec); // every problem at once, each naming its field
 * NetworkNaming naming = NetworkNaming.of(spec);
 * naming.peers().forEach(p -> System.out.println(naming.serviceFqdn(p)));
 * }</pre>
 */
package dev.weft.provisioner.spec;
