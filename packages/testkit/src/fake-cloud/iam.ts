// The fake IAM: password and assume-role tokens, and project look-up by name.
import { randomBytes } from 'node:crypto';

export interface FakeUser {
  domain: string;
  user: string;
  password: string;
}

export interface IssuedToken {
  projectId: string;
  projectName: string;
  expiresAt: number;
  agency: string | undefined;
}

interface TokenRequest {
  auth?: {
    identity?: {
      methods?: string[];
      password?: { user?: { domain?: { name?: string }; name?: string; password?: string } };
      assume_role?: { domain_name?: string; agency_name?: string };
    };
    scope?: { project?: { id?: string; name?: string } };
  };
}

export class FakeIam {
  readonly tokens = new Map<string, IssuedToken>();
  /** Token requests answered with 201, in order. */
  readonly issued: { method: string; projectId: string }[] = [];
  /** Every token request, whatever the answer. */
  requests = 0;

  constructor(
    private readonly users: FakeUser[],
    private readonly projects: Record<string, string>,
    private readonly agencies: { domain: string; agency: string }[],
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  projectByName(name: string): { id: string; name: string } | undefined {
    const id = this.projects[name];
    return id ? { id, name } : undefined;
  }

  private projectOf(scope: { id?: string; name?: string } | undefined) {
    if (scope?.name) {
      return this.projectByName(scope.name);
    }
    const entry = Object.entries(this.projects).find(([, id]) => id === scope?.id);
    return entry ? { id: entry[1], name: entry[0] } : undefined;
  }

  /** Issues a valid token directly (for tests that skip IAM). */
  issue(projectId: string, agency?: string): string {
    const name = Object.entries(this.projects).find(([, id]) => id === projectId)?.[0] ?? projectId;
    const token = `MII${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { projectId, projectName: name, expiresAt: this.now() + this.ttlMs, agency });
    return token;
  }

  tokenState(token: string | undefined): 'valid' | 'expired' | 'unknown' {
    const issued = token ? this.tokens.get(token) : undefined;
    if (!issued) {
      return 'unknown';
    }
    return issued.expiresAt > this.now() ? 'valid' : 'expired';
  }

  expireAll(): void {
    for (const token of this.tokens.values()) {
      token.expiresAt = this.now() - 1;
    }
  }

  /** Handles `POST /v3/auth/tokens`: returns status, headers and body. */
  createToken(body: unknown, callerToken: string | undefined) {
    this.requests++;
    const auth = (body as TokenRequest | undefined)?.auth;
    const methods: string[] = auth?.identity?.methods ?? [];
    const project = this.projectOf(auth?.scope?.project);
    if (!project) {
      return { status: 400, body: { error: { code: 'IAM.0001', message: 'project not found' } } };
    }
    let agency: string | undefined;
    if (methods.includes('password')) {
      const u = auth?.identity?.password?.user;
      const match = this.users.find(
        (x) => x.domain === u?.domain?.name && x.user === u?.name && x.password === u?.password,
      );
      if (!match) {
        return {
          status: 401,
          body: { error: { code: 'IAM.0002', message: 'The username or password is wrong.' } },
        };
      }
    } else if (methods.includes('assume_role')) {
      if (this.tokenState(callerToken) !== 'valid') {
        return { status: 401, body: { error: { code: 'IAM.0003', message: 'The token is invalid.' } } };
      }
      const role = auth?.identity?.assume_role;
      const found = this.agencies.find(
        (a) => a.domain === role?.domain_name && a.agency === role?.agency_name,
      );
      if (!found) {
        return { status: 403, body: { error: { code: 'IAM.0004', message: 'No such agency.' } } };
      }
      agency = found.agency;
    } else {
      return { status: 400, body: { error: { code: 'IAM.0005', message: 'Unsupported method.' } } };
    }
    const token = this.issue(project.id, agency);
    const issued = this.tokens.get(token) as IssuedToken;
    this.issued.push({ method: methods[0] ?? '', projectId: project.id });
    return {
      status: 201,
      headers: { 'X-Subject-Token': token },
      body: {
        token: {
          expires_at: new Date(issued.expiresAt).toISOString(),
          issued_at: new Date(this.now()).toISOString(),
          methods,
          project: { id: project.id, name: project.name, domain: { name: 'fake' } },
        },
      },
    };
  }
}
