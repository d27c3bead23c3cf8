import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ASSEMBLY_BODIES, ASSEMBLY_STATUSES, type AssemblyBody, type AssemblyStatus } from '@near/voting';

export class ListAssembliesQuery {
  @ApiPropertyOptional({ enum: ASSEMBLY_BODIES })
  @IsOptional()
  @IsIn(ASSEMBLY_BODIES)
  body?: AssemblyBody;

  @ApiPropertyOptional({ enum: ASSEMBLY_STATUSES })
  @IsOptional()
  @IsIn(ASSEMBLY_STATUSES)
  status?: AssemblyStatus;
}
