"""The FastAPI peer of bench/peers.sh: the sample's GET /admin (HS256 token, admin role) and GET /health, verified
with PyJWT as FastAPI's security tutorial does. Run: JWT_SECRET=... uvicorn app:app (from this folder)."""
import os

import jwt
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

SECRET = os.environ["JWT_SECRET"]
app = FastAPI()
bearer = HTTPBearer(auto_error=False)


def claims(credentials: HTTPAuthorizationCredentials = Depends(bearer)) -> dict:
    if credentials is None:
        raise HTTPException(status_code=401, headers={"WWW-Authenticate": "Bearer"})
    try:
        return jwt.decode(credentials.credentials, SECRET, algorithms=["HS256"],
                          options={"require": ["sub", "exp", "iat"]})
    except jwt.InvalidTokenError:
        raise HTTPException(status_code=401, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


@app.get("/admin")
def admin(token: dict = Depends(claims)) -> dict:
    if "admin" not in token.get("roles", []):
        raise HTTPException(status_code=403)
    return {"admin": True, "username": token["sub"]}


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}
