import { mintUserToken, type RunningSimulator } from '../../../src/index.js';
import { msalFor } from '../../support/clients.js';

/**
 * A delegated Graph token for a tenant user (on-behalf-of, as the product's tab gets one): the files pages write
 * their examples against `/me/drive`, which only a delegated token can address.
 */
export async function delegatedToken(sim: RunningSimulator, user: { id: string }): Promise<string> {
  const result = await msalFor(sim).acquireTokenOnBehalfOf({
    oboAssertion: await mintUserToken(sim, user),
    scopes: ['https://graph.microsoft.com/.default'],
  });
  if (!result?.accessToken) throw new Error('no delegated token');
  return result.accessToken;
}

/** The page's example drive item, kept to the properties every item the simulator renders must show. */
export const DOCUMENTED_ITEM = {
  createdBy: { user: { id: 'efee1b77-fb3b-4f65-99d6-274c11914d12', displayName: 'Ryan Gregg' } },
  createdDateTime: '2016-03-21T20:01:37Z',
  cTag: '"c:{86EB4C8E-D20D-46B9-AD41-23B8868DDA8A},0"',
  eTag: '"{86EB4C8E-D20D-46B9-AD41-23B8868DDA8A},1"',
  id: '01NKDM7HMOJTVYMDOSXFDK2QJDXCDI3WUK',
  lastModifiedBy: { user: { id: 'efee1b77-fb3b-4f65-99d6-274c11914d12', displayName: 'Ryan Gregg' } },
  lastModifiedDateTime: '2016-03-21T20:01:37Z',
  name: 'OneDrive',
  size: 157286400,
  webUrl: 'https://contoso-my.sharepoint.com/personal/rgregg_contoso_com/Documents',
} as const;

/** The site in the response of https://learn.microsoft.com/graph/api/site-get (its example). */
export const SITE_GET_EXAMPLE = {
  id: 'contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE',
  displayName: 'OneDrive Team Site',
  name: '1drvteam',
  createdDateTime: '2017-05-09T20:56:00Z',
  lastModifiedDateTime: '2017-05-09T20:56:01Z',
  webUrl: 'https://contoso.sharepoint.com/teams/1drvteam',
};
