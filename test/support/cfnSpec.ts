/**
 * Checks a CloudFormation template against AWS's published resource specification, as the AWS CDK
 * ships it (@aws-cdk/aws-service-spec, read offline): every resource type exists, every property
 * exists on its type (nested property types included) with a value of its type, required
 * properties are there, and every Ref, Fn::Sub variable and Condition names something the template
 * or CloudFormation defines. Intrinsic functions stand for a value of any type.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';

type Db = ReturnType<typeof loadAwsServiceSpecSync>;
type Json = unknown;
interface PropertyType {
  readonly type: string;
  readonly element?: PropertyType;
  readonly types?: readonly PropertyType[];
  readonly reference?: { readonly $ref: string };
}
interface SpecProperty {
  readonly type: PropertyType;
  readonly required?: boolean;
}

let db: Db | undefined;
function spec(): Db {
  db ??= loadAwsServiceSpecSync();
  return db;
}

const INTRINSICS = new Set(['Ref', 'Fn::Sub', 'Fn::GetAtt', 'Fn::Join', 'Fn::If', 'Fn::Select', 'Fn::Split', 'Fn::ImportValue', 'Fn::FindInMap', 'Fn::Base64', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or']);
const PSEUDO = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);
const RESOURCE_KEYS = new Set(['Type', 'Properties', 'Condition', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'CreationPolicy', 'UpdatePolicy']);
const PARAMETER_TYPES = new Set(['String', 'Number', 'List<Number>', 'CommaDelimitedList']);

function isIntrinsic(value: Json): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSICS.has(keys[0]!);
}

/** The resource types the specification defines (`AWS::CloudWatch::Alarm`, …). */
function resourceType(type: string): { readonly properties: Readonly<Record<string, SpecProperty>> } | undefined {
  return spec().lookup('resource', 'cloudFormationType', 'equals', type)[0] as unknown as { readonly properties: Readonly<Record<string, SpecProperty>> } | undefined;
}

function checkValue(value: Json, type: PropertyType, path: string, errors: string[]): void {
  if (isIntrinsic(value)) return;
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string') errors.push(`${path}: expected a string, got ${JSON.stringify(value)}`);
      return;
    case 'number':
      if (typeof value !== 'number') errors.push(`${path}: expected a number, got ${JSON.stringify(value)}`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) errors.push(`${path}: expected an integer, got ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
      return;
    case 'json':
      if (value === null || typeof value !== 'object') errors.push(`${path}: expected a JSON object, got ${JSON.stringify(value)}`);
      return;
    case 'tag':
      checkObject(value, { Key: { type: { type: 'string' }, required: true }, Value: { type: { type: 'string' }, required: true } }, path, errors);
      return;
    case 'array':
      if (!Array.isArray(value)) errors.push(`${path}: expected a list`);
      else value.forEach((item, index) => checkValue(item, type.element!, `${path}[${index}]`, errors));
      return;
    case 'map':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) errors.push(`${path}: expected a map`);
      else for (const [key, item] of Object.entries(value)) checkValue(item, type.element!, `${path}.${key}`, errors);
      return;
    case 'union': {
      const attempts = type.types!.map((candidate) => {
        const found: string[] = [];
        checkValue(value, candidate, path, found);
        return found;
      });
      if (!attempts.some((found) => found.length === 0)) errors.push(...attempts[0]!);
      return;
    }
    case 'ref': {
      const definition = spec().get('typeDefinition', type.reference!.$ref) as unknown as { readonly name: string; readonly properties: Readonly<Record<string, SpecProperty>> };
      checkObject(value, definition.properties, `${path} (${definition.name})`, errors);
      return;
    }
    default:
      errors.push(`${path}: the checker does not know the type ${type.type}`);
  }
}

function checkObject(value: Json, properties: Readonly<Record<string, SpecProperty>>, path: string, errors: string[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push(`${path}: expected an object`);
    return;
  }
  for (const [name, item] of Object.entries(value)) {
    const property = properties[name];
    if (property === undefined) errors.push(`${path}.${name}: no such property (known: ${Object.keys(properties).sort().join(', ')})`);
    else checkValue(item, property.type, `${path}.${name}`, errors);
  }
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && !(name in value)) errors.push(`${path}.${name}: required, missing`);
  }
}

/** Every name a Ref or Fn::Sub variable in the value uses. */
function references(value: Json, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => references(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'Ref' && typeof item === 'string') found.push(item);
      else if (key === 'Fn::Sub') {
        const text = typeof item === 'string' ? item : Array.isArray(item) ? item[0] : '';
        for (const match of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) found.push(match[1]!.split('.')[0]!);
        if (Array.isArray(item)) references(item[1], found);
      } else references(item, found);
    }
  }
  return found;
}

/** Everything wrong with the template; empty when it holds to the specification. */
export function validateTemplate(template: Json): string[] {
  const errors: string[] = [];
  const root = template as Record<string, Json>;
  const parameters = (root.Parameters ?? {}) as Record<string, Record<string, Json>>;
  const resources = (root.Resources ?? {}) as Record<string, Record<string, Json>>;
  const conditions = (root.Conditions ?? {}) as Record<string, Json>;
  for (const [name, parameter] of Object.entries(parameters)) {
    if (!PARAMETER_TYPES.has(String(parameter.Type))) errors.push(`Parameters.${name}.Type: ${String(parameter.Type)} is not a parameter type this checker knows`);
    if (!/^[A-Za-z0-9]{1,255}$/.test(name)) errors.push(`Parameters.${name}: a name must be alphanumeric`);
  }
  for (const [name, resource] of Object.entries(resources)) {
    if (!/^[A-Za-z0-9]{1,255}$/.test(name)) errors.push(`Resources.${name}: a logical ID must be alphanumeric`);
    for (const key of Object.keys(resource)) if (!RESOURCE_KEYS.has(key)) errors.push(`Resources.${name}.${key}: not a resource attribute`);
    if (resource.Condition !== undefined && !(String(resource.Condition) in conditions)) errors.push(`Resources.${name}.Condition: no condition ${String(resource.Condition)}`);
    const type = resourceType(String(resource.Type));
    if (type === undefined) {
      errors.push(`Resources.${name}.Type: ${String(resource.Type)} is not a CloudFormation resource type`);
      continue;
    }
    checkObject(resource.Properties ?? {}, type.properties, `Resources.${name}.Properties`, errors);
  }
  const known = new Set([...Object.keys(parameters), ...Object.keys(resources), ...PSEUDO]);
  for (const name of references({ Resources: resources, Conditions: conditions, Outputs: root.Outputs ?? {} })) {
    if (!known.has(name)) errors.push(`a Ref or Fn::Sub names ${name}, which the template does not define`);
  }
  return errors;
}
