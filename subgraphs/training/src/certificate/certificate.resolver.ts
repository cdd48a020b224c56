import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../context';
import { Enrolment } from '../enrolment/enrolment.entity';
import { Worker } from '../worker/worker.type';
import { Certificate } from './certificate.entity';
import { CertifyTraineeInput } from './certificate.inputs';
import { CertificateService } from './certificate.service';

@Resolver(() => Certificate)
export class CertificateResolver {
  @FieldResolver(() => Enrolment, { nullable: true, description: 'The training that led to it; empty if obtained elsewhere or earlier.' })
  async enrolment(@Root() certificate: Certificate, @Ctx() { loaders }: TrainingContext) {
    return certificate.enrolmentId === null ? null : loaders.enrolmentById.load(certificate.enrolmentId);
  }

  @FieldResolver(() => Worker)
  worker(@Root() certificate: Certificate): Worker {
    return { id: certificate.workerId };
  }

  @Mutation(() => Certificate, { description: '发证 — record a skill certificate (number unique, grade 1–5).' })
  certifyTrainee(@Arg('input', () => CertifyTraineeInput) input: CertifyTraineeInput, @Ctx() { em, config }: TrainingContext) {
    return new CertificateService(em, config.pseudonymKey).certify(input);
  }
}
