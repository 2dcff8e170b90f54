import { metaClientConfig, type MetaClientConfigResponse } from '../api/generated.js';

/** Before sign-in there is no token: the public route is read without one, its failure said as is. */
const anonymous = {
  async json(request: { path: string }): Promise<unknown> {
    const response = await fetch(request.path);
    if (!response.ok) throw new Error(`client-config ${response.status}`);
    return response.json();
  },
  file(): never {
    throw new Error('no file is read before sign-in');
  },
};

/** The app registration the server tells clients to sign in against: client id, authority and the API's scope. */
export async function clientConfig(): Promise<MetaClientConfigResponse> {
  return metaClientConfig(anonymous);
}
