import { gql } from 'urql';
import type { DirectoryType, DirectoryTypeDefaults } from './directoryTypes';

/** The security, port and attribute mapping a new connector of a type starts with (null for BUILT_IN). */
export const DirectoryTypeDefaultsQuery = gql<
  { directoryTypeDefaults: DirectoryTypeDefaults | null },
  { type: DirectoryType }
>`
  query DirectoryTypeDefaults($type: DirectoryType!) {
    directoryTypeDefaults(type: $type) {
      security
      port
      loginProperty
      emailProperty
      displayNameProperty
      phoneProperty
      upnProperty
      immutableIdProperty
      userObjectClass
    }
  }
`;
