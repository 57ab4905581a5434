// An OpenID provider of another make than Keycloak, for .ci/consumer: panva's oidc-provider, issuing RFC 9068 access
// tokens (header typ "at+jwt") to two clients by the client credentials grant, for the resource named in the token
// request. Resources https://api.example/<alg> get tokens for the audience https://api.example/ signed with that
// algorithm; https://other.example/ gets tokens for itself; https://sealed.example/ gets a signed token encrypted to a
// key of the resource's (a JWE). Roles go where Keycloak writes them (realm_access.roles), as the sample's
// resource-server example reads them. Listens on the port given as its argument; the keys are made at start.
import Provider, { errors } from 'oidc-provider';
import { generateKeyPairSync } from 'node:crypto';

const signingKey = (type, options, alg) => {
  const jwk = generateKeyPairSync(type, options).privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: `key-${alg.toLowerCase()}`, use: 'sig', ...(alg === 'EdDSA' ? {} : { alg }) };
};
const keys = [
  signingKey('rsa', { modulusLength: 2048 }, 'RS256'),
  signingKey('rsa', { modulusLength: 2048 }, 'PS256'),
  signingKey('ec', { namedCurve: 'P-256' }, 'ES256'),
  signingKey('ed25519', {}, 'EdDSA'),
];
const sealing = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
const roles = { admin: ['admin', 'user'], reader: ['user'] };
const client = (id) => ({
  client_id: id, client_secret: `${id}-secret`, grant_types: ['client_credentials'], redirect_uris: [],
  response_types: [], token_endpoint_auth_method: 'client_secret_post',
});
const api = 'https://api.example/';
const port = Number(process.argv[2]);

const provider = new Provider(`http://localhost:${port}`, {
  jwks: { keys },
  clients: [client('admin'), client('reader')],
  features: {
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => `${api}rs256`,
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resource) => {
        const info = { scope: 'api:read', accessTokenTTL: 300, accessTokenFormat: 'jwt' };
        if (resource === 'https://other.example/') {
          return { ...info, audience: resource, jwt: { sign: { alg: 'RS256' } } };
        }
        if (resource === 'https://sealed.example/') {
          return { ...info, audience: api,
            jwt: { sign: { alg: 'RS256' }, encrypt: { alg: 'RSA-OAEP-256', enc: 'A128GCM', key: sealing } } };
        }
        const alg = keys.map((k) => k.kid.slice(4)).find((a) => resource === `${api}${a}`);
        if (!alg) throw new errors.InvalidTarget();
        return { ...info, audience: api, jwt: { sign: { alg: alg === 'eddsa' ? 'EdDSA' : alg.toUpperCase() } } };
      },
    },
  },
  extraTokenClaims: (ctx, token) => ({ realm_access: { roles: roles[token.clientId] } }),
});
provider.listen(port, () => console.log(`oidc-provider listening on ${port}`));
