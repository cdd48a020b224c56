import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../context';
import { Enrolment } from '../enrolment/enrolment.entity';
import { Worker } from '../worker/worker.type';
import { Certificate } from './certificate.entity';
import { CertifyTraineeInput } from './certificate.inputs';
import { CertificateService } from './certificate.service';
import { authorizeCertify, enrolmentSubject } from '../access';

@Resolver(() => Certificate)
export class CertificateResolver {
  @FieldResolver(() => Enrolment, { nullable: true, description: 'The training that led to it; empty if obtained elsewhere or earlier.' })
  async enrolment(@Root() certificate: Certificate, @Ctx() { loaders, access }: TrainingContext) {
    const enrolment = certificate.enrolmentId === null ? null : await loaders.enrolmentById.load(certificate.enrolmentId);
    // Another institution's training stays out of sight, without failing the certificate.
    return enrolment && (await access.canSee(enrolmentSubject(enrolment))) ? enrolment : null;
  }

  @FieldResolver(() => Worker)
  worker(@Root() certificate: Certificate): Worker {
    return { id: certificate.workerId, knownInstitution: certificate.institutionId ?? null };
  }

  @Mutation(() => Certificate, { description: '发证 — record a skill certificate (number unique, grade 1–5).' })
  async certifyTrainee(@Arg('input', () => CertifyTraineeInput) input: CertifyTraineeInput, @Ctx() context: TrainingContext) {
    const institutionId = await authorizeCertify(context, input);
    const certificate = await new CertificateService(context.em, context.config.pseudonymKey).certify(input);
    certificate.institutionId ??= institutionId;
    return certificate;
  }
}
