import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar } from '@jiuye/common';
import { authorizeBatchWrite, scopeCity, visibleTransfers } from '../access';
import type { PartnerContext } from '../context';
import { LabourBase } from '../labour-base/labour-base.entity';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { Transfer } from '../transfer/transfer.entity';
import { TransferBatch } from './transfer-batch.entity';
import { CreateTransferBatchInput } from './transfer-batch.inputs';
import { TransferBatchService } from './transfer-batch.service';

@Resolver(() => TransferBatch)
export class TransferBatchResolver {
  @Query(() => [TransferBatch], { description: '组织输出批次, latest departure first, of one partner city or of all.' })
  transferBatches(
    @Arg('cityCode', () => DivisionCodeScalar, { nullable: true, description: '4-digit code of a partner city (partner-city staff: their own, the default).' })
    cityCode: string | null,
    @Ctx() context: PartnerContext,
  ) {
    return new TransferBatchService(context.em).list(scopeCity(context, cityCode));
  }

  @Mutation(() => TransferBatch, { description: '登记组织输出批次 — register an organised departure to a partner city.' })
  createTransferBatch(@Arg('input', () => CreateTransferBatchInput) input: CreateTransferBatchInput, @Ctx() context: PartnerContext) {
    authorizeBatchWrite(context, input.cityCode, 'transfer batches');
    return new TransferBatchService(context.em).create(input);
  }

  @FieldResolver(() => PartnerCity)
  city(@Root() batch: TransferBatch, @Ctx() { loaders }: PartnerContext) {
    return loaders.cityByCode.load(batch.cityCode);
  }

  @FieldResolver(() => LabourBase, { nullable: true, description: 'The base or station that receives the batch.' })
  base(@Root() batch: TransferBatch, @Ctx() { loaders }: PartnerContext) {
    return batch.baseId === null ? null : loaders.baseById.load(batch.baseId);
  }

  @FieldResolver(() => [Transfer], { description: 'The workers of the batch (a bus or a train: tens, not thousands).' })
  async transfers(@Root() batch: TransferBatch, @Ctx() context: PartnerContext) {
    return visibleTransfers(context, await context.loaders.transfersByBatch.load(batch.id));
  }
}
