/**
 * What the stories read from custom-elements.json, the same manifest Storybook takes its controls
 * from: an element's declaration, and its private members to keep out of the docs tables.
 */
import manifest from '../../custom-elements.json';

export interface ManifestMember {
  name: string;
  kind: string;
  privacy?: string;
}

export interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestMember[];
  cssProperties?: { name: string }[];
  cssParts?: { name: string }[];
  events?: { name: string }[];
}

export function declarationOf(tag: string): ManifestDeclaration {
  const modules = (manifest as { modules: { declarations?: ManifestDeclaration[] }[] }).modules;
  const found = modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!found) throw new Error(`${tag} is not in custom-elements.json: run npm run analyze`);
  return found;
}

/** argTypes that hide an element's private and protected members from its docs table. */
export function hiddenPrivateMembers(tag: string): Record<string, { table: { disable: true } }> {
  return Object.fromEntries(
    (declarationOf(tag).members ?? [])
      .filter((m) => m.privacy === 'private' || m.privacy === 'protected')
      .map((m) => [m.name, { table: { disable: true } }]),
  );
}
