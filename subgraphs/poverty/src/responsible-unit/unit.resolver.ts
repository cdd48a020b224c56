import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, PageType } from '@jiuye/common';
import { authorizeReferenceWrite } from '../access';
import { ResponsibleUnit, UnitPairing } from '../cadre/cadre.entity';
import type { PovertyContext } from '../context';
import { CloseResponsibleUnitInput, CreateResponsibleUnitInput, EndUnitPairingInput, PairUnitWithVillageInput, UpdateResponsibleUnitInput } from './unit.inputs';
import { ResponsibleUnitService } from './unit.service';

@ObjectType()
export class ResponsibleUnitPage extends PageType(ResponsibleUnit) {}

@ArgsType()
class ResponsibleUnitsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Closed units (撤销) too.' })
  includeClosed: boolean;
}

const WHAT = 'responsible units and their pairings';

@Resolver(() => ResponsibleUnit)
export class ResponsibleUnitResolver {
  @Query(() => ResponsibleUnitPage, { description: '挂包责任单位, by id (organisations: every account reads them).' })
  responsibleUnits(@Args(() => ResponsibleUnitsArgs) args: ResponsibleUnitsArgs, @Ctx() { em }: PovertyContext) {
    return new ResponsibleUnitService(em).list(args);
  }

  @Query(() => ResponsibleUnit, { nullable: true })
  responsibleUnit(@Arg('id', () => ID) id: string, @Ctx() { em }: PovertyContext) {
    return new ResponsibleUnitService(em).get(id);
  }

  @Mutation(() => ResponsibleUnit, { description: '帮扶单位 — a unit kept by your region (poverty officers).' })
  createResponsibleUnit(@Arg('input', () => CreateResponsibleUnitInput) input: CreateResponsibleUnitInput, @Ctx() context: PovertyContext) {
    return new ResponsibleUnitService(context.em).create(input, authorizeReferenceWrite(context, WHAT));
  }

  @Mutation(() => ResponsibleUnit, { description: 'Change an open unit your region keeps.' })
  updateResponsibleUnit(@Arg('input', () => UpdateResponsibleUnitInput) input: UpdateResponsibleUnitInput, @Ctx() context: PovertyContext) {
    return new ResponsibleUnitService(context.em).update(input, authorizeReferenceWrite(context, WHAT));
  }

  @Mutation(() => ResponsibleUnit, { description: '撤销 — close a unit with no open pairing and no household it answers for.' })
  closeResponsibleUnit(@Arg('input', () => CloseResponsibleUnitInput) input: CloseResponsibleUnitInput, @Ctx() context: PovertyContext) {
    return new ResponsibleUnitService(context.em).close(input, authorizeReferenceWrite(context, WHAT));
  }

  @Mutation(() => UnitPairing, { description: '结对帮扶 — pair an open unit with a village of your region.' })
  pairUnitWithVillage(@Arg('input', () => PairUnitWithVillageInput) input: PairUnitWithVillageInput, @Ctx() context: PovertyContext) {
    return new ResponsibleUnitService(context.em).pair(input, authorizeReferenceWrite(context, WHAT));
  }

  @Mutation(() => UnitPairing, { description: 'End a pairing of a village of your region (never deleted).' })
  endUnitPairing(@Arg('input', () => EndUnitPairingInput) input: EndUnitPairingInput, @Ctx() context: PovertyContext) {
    return new ResponsibleUnitService(context.em).endPairing(input, authorizeReferenceWrite(context, WHAT));
  }

  @FieldResolver(() => [UnitPairing], { description: 'The villages the unit is and was paired with, latest first.' })
  pairings(@Root() unit: ResponsibleUnit, @Ctx() { loaders }: PovertyContext) {
    return loaders.pairingsByUnit.load(unit.id);
  }
}

@Resolver(() => UnitPairing)
export class UnitPairingResolver {
  @FieldResolver(() => ResponsibleUnit, { nullable: true })
  unit(@Root() pairing: UnitPairing, @Ctx() { loaders }: PovertyContext) {
    return loaders.unitById.load(pairing.unitId);
  }
}
